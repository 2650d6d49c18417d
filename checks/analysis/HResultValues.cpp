//===--- HResultValues.cpp - The values an HRESULT argument can have -----===//

#include "HResultValues.h"
#include "Facts.h"
#include "VssApiModel.h"
#include "Writes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace vss {
namespace {

constexpr unsigned MaxDepth = 32;

uint32_t low32(const llvm::APSInt &Value) {
  return static_cast<uint32_t>(Value.extOrTrunc(64).getZExtValue());
}

/// The argument of \p Site that initialises parameter \p Index of \p Callee
/// (also when Site runs a stored callable: m_fail(E_FAIL), std::invoke(f, hr)).
const Expr *argumentFor(const Stmt *Site, const FunctionDecl *Callee, unsigned Index) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Site)) {
    const FunctionDecl *Direct = Call->getDirectCallee();
    unsigned Shift = objectArguments(Call) || VssApiModel::get().isInvoke(Direct) ? 1 : 0;
    if (Index + Shift < Call->getNumArgs())
      return Call->getArg(Index + Shift);
  }
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Site))
    if (Index < Construct->getNumArgs())
      return Construct->getArg(Index);
  return nullptr;
}

/// Collects every write to a data member in one function body: "m = value"
/// with its value; any other use that may change it (as WriteAnalysis
/// decides: ++, taking its address, a non-const reference) as a write that
/// cannot be followed. Reads never write.
class FieldWriteCollector : public RecursiveASTVisitor<FieldWriteCollector> {
public:
  using Writes =
      llvm::DenseMap<const FieldDecl *, std::vector<std::pair<const Expr *, SourceLocation>>>;
  FieldWriteCollector(Writes &Out, ASTContext &Context, ExprMutationAnalyzer::Memoized &Mutations)
      : Out(Out), Context(Context), Mutations(Mutations) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  // Lambda bodies are user functions of their own.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }

  void collect(const FunctionDecl *Definition) {
    Function = Definition;
    Reads.clear();
    Assigned.clear();
    Analysis.reset();
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isMemberInitializer() && Init->isWritten())
          add(Init->getMember(), Init->getInit(), Init->getSourceLocation());
    TraverseStmt(Definition->getBody());
    Analysis.reset();
  }

  // Parents are visited first: a member is known to be read, or assigned,
  // by the time it is visited.
  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_LValueToRValue)
      Reads.insert(Cast->getSubExpr()->IgnoreParens());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Binary) {
    if (Binary->getOpcode() != BO_Assign)
      return true;
    const Expr *Target = Binary->getLHS()->IgnoreParens();
    if (const auto *Member = dyn_cast<MemberExpr>(Target))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl())) {
        Assigned.insert(Target);
        add(Field, Binary->getRHS(), Binary->getBeginLoc());
      }
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    // Only integers can hold an HRESULT; other members are never followed.
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field || !Field->getType()->isIntegralOrEnumerationType() || Reads.count(Member) ||
        Assigned.count(Member))
      return true;
    if (!Analysis)
      Analysis.emplace(Function, Context, Mutations);
    if (Analysis->mayWrite(Member))
      add(Field, nullptr, Member->getExprLoc());
    return true;
  }

private:
  void add(const FieldDecl *Field, const Expr *Value, SourceLocation Loc) {
    if (Field)
      Out[Field->getCanonicalDecl()].push_back({Value, Context.getSourceManager().getFileLoc(Loc)});
  }

  Writes &Out;
  ASTContext &Context;
  ExprMutationAnalyzer::Memoized &Mutations;
  const FunctionDecl *Function = nullptr;
  llvm::DenseSet<const Expr *> Reads, Assigned;
  std::optional<WriteAnalysis> Analysis;
};

/// True when \p Value can still be a value of \p Range.
bool admits(const ValueRange &Range, const HResultValue &Value) {
  switch (Value.Kind) {
  case HResultValue::Known:
    return Range.contains(static_cast<int32_t>(Value.Value));
  case HResultValue::HasBits:
    return Range.admitsBits(Value.KnownOnes);
  case HResultValue::ApiResult:
  case HResultValue::Unknown:
    return true;
  }
  return true;
}

/// Drops the values from Out[From] on that the conditions on the way rule out.
void keepAdmitted(std::vector<TracedValue> &Out, size_t From, const ValueRange &Range) {
  if (Range.isAll())
    return;
  Out.erase(std::remove_if(Out.begin() + From, Out.end(),
                           [&](const TracedValue &V) { return !admits(Range, V.Value); }),
            Out.end());
}

/// One line, single spaces, no space inside parentheses or before a comma.
std::string compact(llvm::StringRef Text) {
  std::string Out;
  bool PendingSpace = false;
  for (char C : Text) {
    if (C == ' ' || C == '\n' || C == '\t' || C == '\r' || C == '\\') {
      PendingSpace = !Out.empty();
      continue;
    }
    if (PendingSpace && Out.back() != '(' && C != ')' && C != ',')
      Out += ' ';
    PendingSpace = false;
    Out += C;
  }
  if (Out.size() > 80)
    Out = Out.substr(0, 77) + "...";
  return Out;
}

} // namespace

SpelledExpr spellExpression(const Expr *E, const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  SourceLocation Begin = E->getBeginLoc(), End = E->getEndLoc();
  auto InSystemMacro = [&](SourceLocation Loc) {
    return Loc.isMacroID() && SM.isMacroBodyExpansion(Loc) &&
           SM.isInSystemHeader(SM.getSpellingLoc(Loc));
  };
  for (unsigned Level = 0; Level < 64 && (Begin.isMacroID() || End.isMacroID()); ++Level) {
    // An expression that is one whole macro expansion (E_FAIL, MAKE_HRESULT(...))
    // is named by the macro's invocation.
    SourceLocation ExpansionBegin, ExpansionEnd;
    unsigned LastTokenLength =
        End.isMacroID() ? Lexer::MeasureTokenLength(SM.getSpellingLoc(End), SM, LO) : 0;
    if (Begin.isMacroID() && End.isMacroID() && SM.getFileID(Begin) == SM.getFileID(End) &&
        LastTokenLength && SM.isAtStartOfImmediateMacroExpansion(Begin, &ExpansionBegin) &&
        SM.isAtEndOfImmediateMacroExpansion(End.getLocWithOffset(LastTokenLength), &ExpansionEnd)) {
      Begin = ExpansionBegin;
      End = ExpansionEnd;
      continue;
    }
    // The inside of a system header's macro (HRESULT_FROM_WIN32 in MinGW) is
    // named by the invocation the user wrote.
    if (!InSystemMacro(Begin) && !InSystemMacro(End))
      break;
    if (Begin.isMacroID())
      Begin = SM.getImmediateExpansionRange(Begin).getBegin();
    if (End.isMacroID())
      End = SM.getImmediateExpansionRange(End).getEnd();
  }
  SpelledExpr Result;
  if (Begin.isMacroID() || End.isMacroID()) {
    // Part of a longer expansion: the text as the macro's definition (or the
    // macro argument) writes it.
    SourceLocation SpellingBegin = SM.getSpellingLoc(Begin), SpellingEnd = SM.getSpellingLoc(End);
    if (SM.getFileID(SpellingBegin) == SM.getFileID(SpellingEnd) &&
        !SM.isWrittenInScratchSpace(SpellingBegin) &&
        !SM.isBeforeInTranslationUnit(SpellingEnd, SpellingBegin)) {
      Result.Text = compact(
          Lexer::getSourceText(CharSourceRange::getTokenRange(SpellingBegin, SpellingEnd), SM, LO));
      if (Begin.isMacroID() && SM.isMacroBodyExpansion(Begin))
        Result.ExpandedFrom = Lexer::getImmediateMacroName(Begin, SM, LO).str();
      if (!Result.Text.empty())
        return Result;
    }
  }
  CharSourceRange Range =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(Begin, End), SM, LO);
  if (Range.isInvalid())
    Range = Lexer::makeFileCharRange(SM.getExpansionRange(E->getBeginLoc()), SM, LO);
  Result.Text = compact(Lexer::getSourceText(Range, SM, LO));
  return Result;
}

std::string spelledText(const Expr *E, const ASTContext &Context) {
  return spellExpression(E, Context).Text;
}

HResultValue HResultValueTracer::evaluateConstant(const Expr *E) const {
  HResultValue Result;
  Result.Origin = E;
  if (!E || E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return Result;
  ASTContext &Context = Graph.context();
  Expr::EvalResult Eval;
  if (E->EvaluateAsInt(Eval, Context)) {
    Result.Kind = HResultValue::Known;
    Result.Value = low32(Eval.Val.getInt());
    return Result;
  }
  const Expr *Stripped = stripCasts(E);
  const VssApiModel &Model = VssApiModel::get();
  if (const auto *Call = dyn_cast<CallExpr>(Stripped)) {
    const HResultConstructorSpec *Constructor = Model.hresultConstructor(Call->getDirectCallee());
    if (Constructor && Call->getNumArgs() == 1) {
      Expr::EvalResult Argument;
      if (!Call->getArg(0)->isValueDependent() &&
          Call->getArg(0)->EvaluateAsInt(Argument, Context)) {
        Result.Kind = HResultValue::Known;
        Result.Value = Constructor->Apply(Argument.Val.getInt().extOrTrunc(64).getSExtValue());
      } else {
        Result.Kind = HResultValue::HasBits;
        Result.KnownOnes = Constructor->BitsForAnyArgument;
      }
      return Result;
    }
  }
  // "x | FACILITY_BITS": the constant side's bits are set whatever x is
  // (MAKE_HRESULT with a constant facility, MinGW's HRESULT_FROM_* macros).
  if (const auto *Binary = dyn_cast<BinaryOperator>(Stripped)) {
    if (Binary->getOpcode() == BO_Or) {
      HResultValue Left = evaluateConstant(Binary->getLHS());
      HResultValue Right = evaluateConstant(Binary->getRHS());
      auto Ones = [](const HResultValue &V) {
        return V.Kind == HResultValue::Known     ? V.Value
               : V.Kind == HResultValue::HasBits ? V.KnownOnes
                                                 : 0u;
      };
      uint32_t Bits = Ones(Left) | Ones(Right);
      if (Bits) {
        Result.Kind = HResultValue::HasBits;
        Result.KnownOnes = Bits;
      }
    }
  }
  return Result;
}

FunctionDataflow &HResultValueTracer::dataflow(const FunctionDecl *Function) {
  std::unique_ptr<FunctionDataflow> &Slot = Dataflows[Function->getCanonicalDecl()];
  if (!Slot)
    Slot = FunctionDataflow::build(Function, Graph.context(), Mutations);
  return *Slot;
}

const ParmVarDecl *HResultValueTracer::forwardedParameter(const Expr *Argument,
                                                          const FunctionDecl *Function) {
  const auto *Ref = dyn_cast<DeclRefExpr>(stripCasts(Argument));
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Owner = Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  if (!Owner || Owner->getCanonicalDecl() != Function->getCanonicalDecl())
    return nullptr;
  std::optional<llvm::ArrayRef<ReachingDefinition>> Definitions =
      dataflow(Function).definitionsAt(Ref);
  if (!Definitions || Definitions->size() != 1 ||
      Definitions->front().Kind != ReachingDefinition::Entry || !Definitions->front().Range.isAll())
    return nullptr;
  return Param;
}

std::vector<TracedValue> HResultValueTracer::traceArgument(const Expr *Call, unsigned ArgIndex,
                                                           const FunctionDecl *Caller) {
  std::vector<TracedValue> Out;
  const auto *CallE = dyn_cast<CallExpr>(Call);
  if (!CallE || ArgIndex >= CallE->getNumArgs())
    return Out;
  Report Where{CallE->getArg(ArgIndex), CallE->getDirectCallee(), {}};
  valuesOf(CallE->getArg(ArgIndex), Caller, Where, 0, Out);
  return Out;
}

void HResultValueTracer::valuesOf(const Expr *E, const FunctionDecl *Function, const Report &Where,
                                  unsigned Depth, std::vector<TracedValue> &Out) {
  auto Emit = [&](HResultValue Value) { Out.push_back({Value, Where.At, Where.Trail}); };
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    E = Default->getExpr();
  HResultValue Constant = evaluateConstant(E);
  if (Constant.Kind != HResultValue::Unknown || Depth > MaxDepth)
    return Emit(Constant);

  const Expr *Stripped = stripCasts(E);
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(Stripped)) {
    valuesOf(Conditional->getTrueExpr(), Function, Where, Depth + 1, Out);
    valuesOf(Conditional->getFalseExpr(), Function, Where, Depth + 1, Out);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Stripped)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    const auto *Owner = Var ? dyn_cast<FunctionDecl>(Var->getDeclContext()) : nullptr;
    // Only the function's own locals and parameters; a lambda's captures are not followed.
    if (Var && Var->hasLocalStorage() && Owner &&
        Owner->getCanonicalDecl() == Function->getCanonicalDecl())
      return variableValues(Ref, Var, Function, Where, Depth, Out);
  }
  if (const auto *Member = dyn_cast<MemberExpr>(Stripped))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl())) {
      size_t From = Out.size();
      fieldValues(Field, Member, Where, Out);
      keepAdmitted(Out, From, dataflow(Function).rangeAt(Member));
      return;
    }
  if (const auto *Call = dyn_cast<CallExpr>(Stripped)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (VssApiModel::get().returnsApiStatus(Callee, Graph.context().getSourceManager())) {
      HResultValue Result;
      Result.Kind = HResultValue::ApiResult;
      Result.Origin = E;
      Result.Api = Callee;
      return Emit(Result);
    }
    if (returnValues(Call, Function, Where, Depth, Out))
      return;
  }
  Emit(Constant);
}

void HResultValueTracer::variableValues(const DeclRefExpr *Ref, const VarDecl *Var,
                                        const FunctionDecl *Function, const Report &Where,
                                        unsigned Depth, std::vector<TracedValue> &Out) {
  std::optional<llvm::ArrayRef<ReachingDefinition>> Definitions =
      dataflow(Function).definitionsAt(Ref);
  if (!Definitions || Definitions->empty()) {
    HResultValue Unknown;
    Unknown.Origin = Ref;
    Out.push_back({Unknown, Where.At, Where.Trail});
    return;
  }
  const SourceManager &SM = Graph.context().getSourceManager();
  for (const ReachingDefinition &Definition : *Definitions) {
    size_t From = Out.size();
    switch (Definition.Kind) {
    case ReachingDefinition::Entry:
      if (const auto *Param = dyn_cast<ParmVarDecl>(Var)) {
        forwardParameter(Param, Function, Ref, Where, Depth + 1, Out);
        break;
      }
      [[fallthrough]];
    case ReachingDefinition::Unknown: {
      HResultValue Unknown;
      Unknown.Origin = Ref;
      Out.push_back({Unknown, Where.At, Where.Trail});
      break;
    }
    case ReachingDefinition::Assignment: {
      Report Assigned = Where;
      SourceLocation Loc =
          isa<DeclStmt>(Definition.Where) ? Var->getLocation() : Definition.Where->getBeginLoc();
      Assigned.Trail.insert(Assigned.Trail.begin(),
                            ValueStep{ValueStep::Assignment, SM.getFileLoc(Loc), Var});
      valuesOf(Definition.Value, Function, Assigned, Depth + 1, Out);
      break;
    }
    }
    keepAdmitted(Out, From, Definition.Range);
  }
}

llvm::ArrayRef<const ReturnStmt *> HResultValueTracer::returnsOf(const FunctionDecl *Definition) {
  auto [It, Inserted] = Returns.try_emplace(Definition->getCanonicalDecl());
  if (!Inserted)
    return It->second;
  llvm::SmallVector<const ReturnStmt *, 4> Found;
  llvm::SmallVector<const Stmt *, 32> Worklist{Definition->getBody()};
  while (!Worklist.empty()) {
    const Stmt *S = Worklist.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      if (!Return->getRetValue())
        return It->second; // A return without a value: nothing to follow.
      Found.push_back(Return);
    }
    for (const Stmt *Child : S->children())
      Worklist.push_back(Child);
  }
  // Source order, as the notes show them.
  std::reverse(Found.begin(), Found.end());
  auto &Slot = Returns[Definition->getCanonicalDecl()];
  Slot.assign(Found.begin(), Found.end());
  return Slot;
}

bool HResultValueTracer::testsParameter(const FunctionDecl *Function, const ParmVarDecl *Param) {
  auto [It, Inserted] = TestedParameters.try_emplace(Function->getCanonicalDecl());
  if (Inserted) {
    const FunctionDecl *Definition = nullptr;
    if (Function->hasBody(Definition) && Definition) {
      llvm::SmallPtrSet<const ParmVarDecl *, 2> Tested;
      auto CollectReads = [&](const Stmt *Condition) {
        llvm::SmallVector<const Stmt *, 8> Worklist{Condition};
        while (!Worklist.empty()) {
          const Stmt *S = Worklist.pop_back_val();
          if (!S)
            continue;
          if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
            if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
              Tested.insert(P);
          for (const Stmt *Child : S->children())
            Worklist.push_back(Child);
        }
      };
      llvm::SmallVector<const Stmt *, 32> Worklist{Definition->getBody()};
      while (!Worklist.empty()) {
        const Stmt *S = Worklist.pop_back_val();
        if (!S || isa<LambdaExpr>(S))
          continue;
        if (const auto *Switch = dyn_cast<SwitchStmt>(S))
          CollectReads(Switch->getCond());
        if (const auto *If = dyn_cast<IfStmt>(S))
          CollectReads(If->getCond());
        for (const Stmt *Child : S->children())
          Worklist.push_back(Child);
      }
      TestedParameters[Function->getCanonicalDecl()] = std::move(Tested);
    }
  }
  return TestedParameters[Function->getCanonicalDecl()].count(Param);
}

bool HResultValueTracer::returnValues(const CallExpr *Call, const FunctionDecl *Caller,
                                      const Report &Where, unsigned Depth,
                                      std::vector<TracedValue> &Out) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (Callee && Facts && !Callee->hasBody() && Depth <= MaxDepth &&
      !VssApiModel::get().isApiFunction(Callee) &&
      !Graph.context().getSourceManager().isInSystemHeader(Callee->getLocation()))
    return remoteReturnValues(Call, Caller, Where, Depth, Out);
  if (!Callee || VssApiModel::get().isApiFunction(Callee) || !Callee->hasBody(Definition) ||
      !Definition || Definition->isInvalidDecl() || Depth > MaxDepth)
    return false;
  for (const CallBinding &Binding : Bindings)
    if (Binding.Callee == Definition->getCanonicalDecl())
      return false; // Recursion: the value is not known.
  // A copy: following the returned values asks returnsOf about other
  // functions, which may grow (and move) the map this would point into.
  const llvm::SmallVector<const ReturnStmt *, 4> Returned(returnsOf(Definition));
  if (Returned.empty())
    return false;
  const SourceManager &SM = Graph.context().getSourceManager();
  Bindings.push_back({Definition->getCanonicalDecl(), Call, Caller});
  for (const ReturnStmt *Return : Returned) {
    Report Returning = Where;
    Returning.Trail.insert(
        Returning.Trail.begin(),
        ValueStep{ValueStep::Return, SM.getFileLoc(Return->getBeginLoc()), nullptr, Definition});
    valuesOf(Return->getRetValue(), Definition, Returning, Depth + 1, Out);
  }
  Bindings.pop_back();
  return true;
}

bool HResultValueTracer::remoteReturnValues(const CallExpr *Call, const FunctionDecl *Caller,
                                            const Report &Where, unsigned Depth,
                                            std::vector<TracedValue> &Out) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  std::string Usr = usrOf(Callee);
  if (Usr.empty())
    return false;
  std::optional<std::vector<FactsReturn>> Returns = Facts->returnsOf(Usr);
  if (!Returns || Returns->empty())
    return false;
  SourceManager &SM = Graph.context().getSourceManager();
  for (const FactsReturn &Return : *Returns) {
    Report Returning = Where;
    Returning.Trail.insert(Returning.Trail.begin(),
                           ValueStep{ValueStep::Return,
                                     locationIn(SM, Return.File, Return.Line, Return.Column),
                                     nullptr, Callee});
    switch (Return.Kind) {
    case FactsReturn::Constant: {
      HResultValue Value;
      Value.Kind = HResultValue::Known;
      Value.Value = static_cast<uint32_t>(Return.Value);
      Value.Origin = Call;
      Value.Spelling = Return.Text;
      Out.push_back({Value, Returning.At, Returning.Trail});
      break;
    }
    case FactsReturn::Parameter:
      if (const Expr *Argument = argumentFor(Call, Callee, Return.Index)) {
        valuesOf(Argument, Caller, Returning, Depth + 1, Out);
        break;
      }
      [[fallthrough]];
    case FactsReturn::Unknown: {
      HResultValue Unknown;
      Unknown.Origin = Call;
      Out.push_back({Unknown, Returning.At, Returning.Trail});
      break;
    }
    }
  }
  return true;
}

llvm::json::Array HResultValueTracer::describeReturns(const FunctionDecl *Function) {
  llvm::json::Array Described;
  const FunctionDecl *Definition = nullptr;
  if (!Function->hasBody(Definition) || !Definition ||
      !Definition->getReturnType()->isIntegralOrEnumerationType() ||
      Definition->getReturnType()->isBooleanType())
    return Described;
  const SourceManager &SM = Graph.context().getSourceManager();
  const ASTContext &Context = Graph.context();
  auto Location = [&](SourceLocation Loc) {
    Loc = SM.getFileLoc(Loc);
    llvm::StringRef File;
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(SM.getFileID(Loc))) {
      File = Entry->getFileEntry().tryGetRealPathName();
      if (File.empty())
        File = Entry->getName();
    }
    return llvm::json::Object{{"file", File},
                              {"line", SM.getSpellingLineNumber(Loc)},
                              {"column", SM.getSpellingColumnNumber(Loc)}};
  };
  for (const ReturnStmt *Return : llvm::SmallVector<const ReturnStmt *, 4>(returnsOf(Definition))) {
    const Expr *Value = Return->getRetValue();
    if (std::optional<int32_t> Constant = constantValue(Value, Context)) {
      Described.push_back(
          llvm::json::Object{{"kind", "constant"},
                             {"value", static_cast<int64_t>(static_cast<uint32_t>(*Constant))},
                             {"text", spelledText(Value, Context)},
                             {"location", Location(Return->getBeginLoc())}});
    } else if (const ParmVarDecl *Param = forwardedParameter(Value, Definition)) {
      Described.push_back(llvm::json::Object{{"kind", "parameter"},
                                             {"index", Param->getFunctionScopeIndex()},
                                             {"location", Location(Return->getBeginLoc())}});
    } else {
      Described.push_back(llvm::json::Object{{"kind", "unknown"}});
    }
  }
  return Described;
}

void HResultValueTracer::forwardParameter(const ParmVarDecl *Param, const FunctionDecl *Function,
                                          const Expr *Use, const Report &Where, unsigned Depth,
                                          std::vector<TracedValue> &Out) {
  const unsigned Index = Param->getFunctionScopeIndex();
  // Inside a callee whose return value is followed, the parameter is the
  // argument of that call.
  for (const CallBinding &Binding : llvm::reverse(Bindings))
    if (Binding.Callee == Function->getCanonicalDecl()) {
      // A translation helper that switches on the parameter maps some values
      // to others: which return a known argument takes is not followed.
      if (testsParameter(Function, Param)) {
        HResultValue Unknown;
        Unknown.Origin = Use;
        Out.push_back({Unknown, Where.At, Where.Trail});
        return;
      }
      if (const Expr *Argument = argumentFor(Binding.Call, Function, Index)) {
        CallBinding Caller = Binding; // valuesOf may grow Bindings.
        valuesOf(Argument, Caller.Caller, Where, Depth + 1, Out);
        return;
      }
      break;
    }
  auto Key = std::make_pair(Function->getCanonicalDecl(), Index);
  llvm::ArrayRef<const CallSite *> Callers = Graph.callersOf(Function);
  if (Following.lookup(Key) || Callers.empty()) {
    HResultValue Unknown;
    Unknown.Origin = Use;
    Out.push_back({Unknown, Where.At, Where.Trail});
    return;
  }
  Following[Key] = true;
  const SourceManager &SM = Graph.context().getSourceManager();
  ValueStep Forwarded{ValueStep::Forwarding, SM.getFileLoc(Where.At->getExprLoc()), Param, Function,
                      Where.Callee};
  for (const CallSite *Site : Callers) {
    if (!runsCallee(*Site) || Site->Kind == CallEdgeKind::Destruction ||
        Site->Kind == CallEdgeKind::CallbackArgument)
      continue;
    const Expr *Argument = argumentFor(Site->Site, Function, Index);
    if (!Argument)
      continue;
    Report Caller{Argument, Function, Where.Trail};
    Caller.Trail.insert(Caller.Trail.begin(), Forwarded);
    valuesOf(Argument, Site->Caller, Caller, Depth + 1, Out);
  }
  Following[Key] = false;
}

void HResultValueTracer::buildFieldWrites() {
  if (FieldWritesBuilt)
    return;
  FieldWritesBuilt = true;
  FieldWriteCollector Collector(FieldWrites, Graph.context(), Mutations);
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    const FunctionDecl *Definition = nullptr;
    if (!Function->hasBody(Definition) || !Definition || Definition->isInvalidDecl())
      continue;
    Collector.collect(Definition);
  }
}

void HResultValueTracer::fieldValues(const FieldDecl *Field, const Expr *Use, const Report &Where,
                                     std::vector<TracedValue> &Out) {
  buildFieldWrites();
  std::vector<std::pair<const Expr *, SourceLocation>> Writes;
  auto Found = FieldWrites.find(Field->getCanonicalDecl());
  if (Found != FieldWrites.end())
    Writes = Found->second;
  if (const Expr *Default = Field->getInClassInitializer())
    Writes.push_back(
        {Default, Graph.context().getSourceManager().getFileLoc(Field->getLocation())});

  std::vector<TracedValue> Values;
  for (const auto &[Value, Loc] : Writes) {
    HResultValue Constant = evaluateConstant(Value);
    if (!Value || Constant.Kind == HResultValue::Unknown) {
      Values.clear();
      break; // One write that is not a constant: the member's value is unknown.
    }
    TracedValue Traced{Constant, Where.At, Where.Trail};
    Traced.Steps.insert(Traced.Steps.begin(), ValueStep{ValueStep::Assignment, Loc, Field});
    Values.push_back(std::move(Traced));
  }
  if (Values.empty()) {
    HResultValue Unknown;
    Unknown.Origin = Use;
    Out.push_back({Unknown, Where.At, Where.Trail});
    return;
  }
  Out.insert(Out.end(), Values.begin(), Values.end());
}

} // namespace vss
