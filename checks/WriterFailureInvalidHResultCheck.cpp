//===--- WriterFailureInvalidHResultCheck.cpp - vss-writer-failure-invalid-hresult ===//

#include "WriterFailureInvalidHResultCheck.h"
#include "Diagnostics.h"
#include "Options.h"
#include "analysis/Facts.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/Format.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace vss {
namespace {

constexpr llvm::StringLiteral Advice = " (use VSS_E_WRITERERROR_RETRYABLE for transient failures, "
                                       "VSS_E_WRITERERROR_NONRETRYABLE otherwise)";

std::string acceptedCodes(const FailureReportingSpec &Spec) {
  return Spec.AcceptsSuccess ? "S_OK or VSS_E_WRITERERROR_*" : "VSS_E_WRITERERROR_*";
}

SourceLocation reportLocation(const Expr *ReportAt, const SourceManager &SM) {
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(ReportAt))
    return SM.getFileLoc(Default->getUsedLocation());
  return SM.getFileLoc(ReportAt->getBeginLoc());
}

} // namespace

WriterFailureInvalidHResultCheck::WriterFailureInvalidHResultCheck(llvm::StringRef Name,
                                                                   tidy::ClangTidyContext *Context)
    : VssCheck(Name, Context), ReportUnprovenValues(Options.get("ReportUnprovenValues", false)),
      AcceptRecoveryFailed(Options.get("AcceptRecoveryFailed", false)),
      ReportApiResults(Options.get("ReportApiResults", true)) {}

void WriterFailureInvalidHResultCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  VssCheck::storeOptions(Opts);
  Options.store(Opts, "ReportUnprovenValues", ReportUnprovenValues);
  Options.store(Opts, "AcceptRecoveryFailed", AcceptRecoveryFailed);
  Options.store(Opts, "ReportApiResults", ReportApiResults);
}

void WriterFailureInvalidHResultCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                                           Preprocessor *) {
  this->PP = PP;
}

void WriterFailureInvalidHResultCheck::startTranslationUnit() { Reported.clear(); }

void WriterFailureInvalidHResultCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  // With facts, the values functions of other TUs return are known too.
  FactsIndex *Facts = facts(Analysis.context());
  Analysis.values().useFacts(Facts);
  for (const CallSite *Site : Analysis.failureCalls()) {
    const auto *Call = cast<CallExpr>(Site->Site);
    const FailureReportingSpec *Spec = model().failureReportingCall(Site->Callee);
    if (Spec->HResultArgument >= 0 &&
        static_cast<unsigned>(Spec->HResultArgument) < Call->getNumArgs() &&
        !Call->containsErrors())
      checkCall(Call, Site->Caller, Analysis);
  }
  if (Facts)
    checkAcrossTranslationUnits(Analysis, *Facts);
  Analysis.values().useFacts(nullptr);
}

void WriterFailureInvalidHResultCheck::checkAcrossTranslationUnits(
    TranslationUnitAnalysis &Analysis, FactsIndex &Facts) {
  // Calls of functions this TU has no body for, with an argument that a
  // function of another TU passes on, unchanged, to a failure call: the
  // argument is judged here, where its value is known, as the failure
  // call's own argument would be.
  CallGraph &Graph = Analysis.callGraph();
  llvm::StringMap<bool> Forwards; // USR#index -> reaches a failure call
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    if (!Analysis.isUserFunction(Function))
      continue;
    for (const CallSite &Site : Graph.callSites(Function)) {
      const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site);
      if (!Call || isa<CXXOperatorCallExpr>(Call) || Call->containsErrors() ||
          Site.Kind != CallEdgeKind::Call || Site.Callee->hasBody() ||
          model().failureReportingCall(Site.Callee))
        continue;
      std::string Usr;
      for (unsigned I = 0; I < Call->getNumArgs() && I < Site.Callee->getNumParams(); ++I) {
        QualType Type = Site.Callee->getParamDecl(I)->getType();
        if (!Type->isIntegralOrEnumerationType() || Type->isBooleanType())
          continue;
        if (Usr.empty())
          Usr = usrOf(Site.Callee);
        if (Usr.empty())
          break;
        std::string Key = Usr + "#" + std::to_string(I);
        auto [It, Inserted] = Forwards.try_emplace(Key, true);
        if (!It->second)
          continue;
        std::vector<FactsForwardedFailure> Failures = Facts.failuresReachedFrom(Usr, I);
        if (Failures.empty()) {
          It->second = false;
          continue;
        }
        std::vector<TracedValue> Values = Analysis.values().traceArgument(Call, I, Function);
        for (const FactsForwardedFailure &Failure : Failures)
          if (const FailureReportingSpec *Spec = model().failureReportingCallNamed(Failure.Api))
            if (Spec->HResultArgument >= 0)
              judgeValues(*Spec, Values, Failure.Hops, Analysis.context());
      }
    }
  }
  reportStaleFacts(Facts);
}

std::string WriterFailureInvalidHResultCheck::describeValue(const HResultValue &Value,
                                                            ASTContext &Context) const {
  if (Value.Kind == HResultValue::ApiResult && Value.Api)
    return "the result of " + sourceQualifiedName(Value.Api);
  SpelledExpr Spelled = Value.Origin ? spellExpression(Value.Origin, Context) : SpelledExpr();
  if (!Value.Spelling.empty())
    Spelled = SpelledExpr{Value.Spelling, ""};
  std::string Text = Spelled.Text;
  if (Value.Kind != HResultValue::Known) {
    Text = Text.empty() ? "the value" : Text;
  } else {
    std::string Hex;
    llvm::raw_string_ostream(Hex) << llvm::format("0x%08X", Value.Value);
    // A literal is named by its value alone; a name is followed by its value.
    Text = Text.empty() || !(std::isalpha(static_cast<unsigned char>(Text[0])) || Text[0] == '_')
               ? Hex
               : Text + " (" + Hex + ")";
  }
  if (!Spelled.ExpandedFrom.empty())
    Text += ", expanded from " + Spelled.ExpandedFrom + ",";
  return Text;
}

namespace {

/// How plain a value is to name in the headline: a named constant first,
/// then other constants, an API's result, and a computed value last.
int plainness(const HResultValue &Value, const ASTContext &Context) {
  switch (Value.Kind) {
  case HResultValue::Known: {
    std::string Text = !Value.Spelling.empty() ? Value.Spelling
                       : Value.Origin          ? spelledText(Value.Origin, Context)
                                               : "";
    bool Named = !Text.empty() && llvm::all_of(Text, [](char C) {
      return std::isalnum(static_cast<unsigned char>(C)) || C == '_' || C == ':';
    }) && !std::isdigit(static_cast<unsigned char>(Text[0]));
    return Named ? 0 : 1;
  }
  case HResultValue::ApiResult:
    return 2;
  case HResultValue::HasBits:
  case HResultValue::Unknown:
    return 3;
  }
  return 3;
}

/// True when \p E, as written, names a variable or member that holds the value.
bool namesStorage(const Expr *E) {
  E = stripCasts(E);
  return isa<DeclRefExpr, MemberExpr>(E);
}

} // namespace

void WriterFailureInvalidHResultCheck::checkCall(const CallExpr *Call, const FunctionDecl *Function,
                                                 TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  const FailureReportingSpec *Spec = Model.failureReportingCall(Call->getDirectCallee());
  if (!Spec)
    return;
  judgeValues(*Spec, Analysis.values().traceArgument(Call, Spec->HResultArgument, Function), {},
              Analysis.context());
}

void WriterFailureInvalidHResultCheck::judgeValues(const FailureReportingSpec &Spec,
                                                   const std::vector<TracedValue> &Values,
                                                   llvm::ArrayRef<FactsHop> Remote,
                                                   ASTContext &Context) {
  const VssApiModel &Model = model();
  // Group the values by the argument they are reported at, in order.
  std::vector<const Expr *> Order;
  llvm::DenseMap<const Expr *, std::vector<const TracedValue *>> Groups;
  for (const TracedValue &Value : Values) {
    auto [It, Inserted] = Groups.try_emplace(Value.ReportAt);
    if (Inserted)
      Order.push_back(Value.ReportAt);
    It->second.push_back(&Value);
  }

  for (const Expr *ReportAt : Order) {
    const std::vector<const TracedValue *> &Group = Groups[ReportAt];
    std::vector<const TracedValue *> Invalid;
    bool Unproven = false;
    for (const TracedValue *Value : Group) {
      switch (Value->Value.Kind) {
      case HResultValue::Known:
        if (Model.judgeCode(Spec, Value->Value.Value, AcceptRecoveryFailed) != CodeVerdict::Valid)
          Invalid.push_back(Value);
        break;
      case HResultValue::HasBits:
        if (!Model.mayBeValidWithBits(Spec, Value->Value.KnownOnes, AcceptRecoveryFailed))
          Invalid.push_back(Value);
        else
          Unproven = true;
        break;
      case HResultValue::ApiResult:
        if (ReportApiResults)
          Invalid.push_back(Value);
        else
          Unproven = true;
        break;
      case HResultValue::Unknown:
        Unproven = true;
        break;
      }
    }
    SourceLocation Loc = reportLocation(ReportAt, Context.getSourceManager());
    if (Loc.isInvalid() || (Invalid.empty() && !(Unproven && ReportUnprovenValues)))
      continue;
    if (!Reported.insert(Loc).second)
      continue;
    if (!Invalid.empty()) {
      reportInvalid(Spec, ReportAt, Invalid, Group.size() == 1, Remote, Context);
      continue;
    }
    diag(Loc, "%0 cannot be proven to be a writer error code; %1 accepts only %2%3")
        << spelledText(ReportAt, Context) << Spec.DisplayName.str() << acceptedCodes(Spec)
        << Advice.str();
    emitRemoteHopNotes(*this, Context.getSourceManager(), Remote);
  }
}

void WriterFailureInvalidHResultCheck::reportInvalid(const FailureReportingSpec &Spec,
                                                     const Expr *ReportAt,
                                                     llvm::ArrayRef<const TracedValue *> Invalid,
                                                     bool SingleValue,
                                                     llvm::ArrayRef<FactsHop> Remote,
                                                     ASTContext &Context) {
  const VssApiModel &Model = model();
  const SourceManager &SM = Context.getSourceManager();
  // The headline names the plainest value; the notes show every one.
  const TracedValue &First =
      **llvm::min_element(Invalid, [&](const TracedValue *A, const TracedValue *B) {
        return plainness(A->Value, Context) < plainness(B->Value, Context);
      });
  std::string Value = describeValue(First.Value, Context);
  CodeVerdict Verdict = First.Value.Kind == HResultValue::Known
                            ? Model.judgeCode(Spec, First.Value.Value, AcceptRecoveryFailed)
                            : CodeVerdict::NotAWriterCode;
  const char *Why = "%0 is not a writer error code";
  if (First.Value.Kind == HResultValue::ApiResult) {
    // "'hr' holds the result of X, ..." when the argument is a variable.
    if (namesStorage(ReportAt)) {
      Value = "'" + spelledText(ReportAt, Context) + "' holds " + Value;
      Why = "%0, which is never a writer error code";
    } else {
      Why = "%0 is never a writer error code";
    }
  }
  switch (Verdict) {
  case CodeVerdict::Valid:
  case CodeVerdict::NotAWriterCode:
    break;
  case CodeVerdict::GeneratedByVss:
    Why = "%0 is generated by VSS itself, never by a writer";
    break;
  case CodeVerdict::Success:
    Why = "%0 reports no failure";
    break;
  case CodeVerdict::PartialFailureMisused:
    Why = "%0 is accepted only by SetWriterFailureEx, with each failed component "
          "reported by IVssComponentEx2::SetFailure";
    break;
  case CodeVerdict::Undocumented:
    Why = "%0 is not documented as a writer failure code (set AcceptRecoveryFailed to "
          "accept it)";
    break;
  }
  std::string Message = std::string(Why) + "; %1 accepts only %2%3";
  { // The warning is emitted at the end of this block, before its notes.
    auto Diag = diag(reportLocation(ReportAt, SM), Message)
                << Value << Spec.DisplayName.str() << acceptedCodes(Spec) << Advice.str();

    // A fix-it only where the right code is certain: one known value written
    // right here (or handed unchanged through wrappers), with a natural writer
    // code whose macro this TU defines.
    bool WrittenHere = llvm::all_of(
        First.Steps, [](const ValueStep &Step) { return Step.Kind == ValueStep::Forwarding; });
    const CertainReplacement *Replacement = First.Value.Kind == HResultValue::Known
                                                ? Model.certainReplacement(First.Value.Value)
                                                : nullptr;
    if (SingleValue && Replacement && WrittenHere && !isa<CXXDefaultArgExpr>(ReportAt) && PP &&
        PP->isMacroDefined(Replacement->To)) {
      CharSourceRange Range = Lexer::makeFileCharRange(
          CharSourceRange::getTokenRange(ReportAt->getSourceRange()), SM, Context.getLangOpts());
      if (Range.isValid())
        Diag << FixItHint::CreateReplacement(Range, Replacement->To);
    }
  }

  // Notes: how each invalid value gets to the call, each step once; the
  // assignments in source order, then the hand-overs down to the call.
  llvm::SmallVector<std::pair<const ValueStep *, const TracedValue *>, 8> Assignments, Hops;
  llvm::DenseSet<std::pair<unsigned, SourceLocation>> Noted;
  for (const TracedValue *Traced : Invalid)
    for (const ValueStep &Step : Traced->Steps)
      if (Noted.insert({Step.Kind, Step.Loc}).second)
        (Step.Kind == ValueStep::Forwarding ? Hops : Assignments).push_back({&Step, Traced});
  llvm::stable_sort(Assignments, [&](const auto &A, const auto &B) {
    return SM.isBeforeInTranslationUnit(A.first->Loc, B.first->Loc);
  });
  for (const auto &[Step, Traced] : Assignments) {
    if (Step->Kind == ValueStep::Return)
      diag(Step->Loc, "%0 returns %1 here", DiagnosticIDs::Note)
          << describeFunction(Step->Function) << describeValue(Traced->Value, Context);
    else
      diag(Step->Loc, "'%0' is assigned %1 here", DiagnosticIDs::Note)
          << Step->Variable->getName() << describeValue(Traced->Value, Context);
  }
  for (const auto &[Step, Traced] : Hops) {
    const FailureReportingSpec *CalleeSpec = Model.failureReportingCall(Step->Callee);
    diag(Step->Loc, "%0 passes '%1' to %2 here", DiagnosticIDs::Note)
        << describeFunction(Step->Function) << Step->Variable->getName()
        << (CalleeSpec ? CalleeSpec->DisplayName.str() : describeFunction(Step->Callee));
  }
  emitRemoteHopNotes(*this, Context.getSourceManager(), Remote);
}

} // namespace vss
