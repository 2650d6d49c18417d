//===--- Facts.cpp - What one translation unit tells the others ----------===//

#include "Facts.h"
#include "Callables.h"
#include "ConstantGuards.h"
#include "Names.h"
#include "ThreadStarts.h"
#include "TranslationUnitAnalysis.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <tuple>

using namespace clang;

namespace vss {

std::string contentHash(llvm::StringRef Text) {
  return llvm::utohexstr(llvm::xxh3_64bits(Text), /*LowerCase=*/true);
}

std::string usrOf(const Decl *Decl) {
  llvm::SmallString<128> Usr;
  if (!Decl || index::generateUSRForDecl(Decl, Usr))
    return "";
  return std::string(Usr);
}

namespace {

const char *kindName(CallEdgeKind Kind) {
  switch (Kind) {
  case CallEdgeKind::Call:
    return "call";
  case CallEdgeKind::VirtualCall:
    return "virtual-call";
  case CallEdgeKind::Construction:
    return "construction";
  case CallEdgeKind::Destruction:
    return "destruction";
  case CallEdgeKind::LambdaCreation:
    return "lambda-creation";
  case CallEdgeKind::FunctionReference:
    return "function-reference";
  case CallEdgeKind::CallableInvocation:
    return "callable-invocation";
  case CallEdgeKind::CallbackArgument:
    return "callback-argument";
  }
  return "call";
}

class FactsWriter {
public:
  FactsWriter(ASTContext &Context) : Context(Context), SM(Context.getSourceManager()) {}

  /// The file a location is in, as an absolute path when it has one.
  std::string fileOf(SourceLocation Loc) const {
    FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File)) {
      llvm::StringRef Real = Entry->getFileEntry().tryGetRealPathName();
      return std::string(Real.empty() ? Entry->getName() : Real);
    }
    return "";
  }

  llvm::json::Object location(SourceLocation Loc) const {
    Loc = SM.getExpansionLoc(Loc);
    return llvm::json::Object{{"file", fileOf(Loc)},
                              {"line", SM.getExpansionLineNumber(Loc)},
                              {"column", SM.getExpansionColumnNumber(Loc)}};
  }

  /// A constant the expression certainly has, as clang evaluates it.
  std::optional<int64_t> constantOf(const Expr *E) const {
    if (!E || E->isValueDependent() || E->containsErrors())
      return std::nullopt;
    Expr::EvalResult Result;
    if (!E->EvaluateAsInt(Result, Context))
      return std::nullopt;
    return Result.Val.getInt().getExtValue();
  }

  llvm::json::Value hresultArgument(const Expr *Argument, const FunctionDecl *Caller,
                                    HResultValueTracer &Values) const {
    if (std::optional<int64_t> Value = constantOf(Argument)) {
      std::string Text(Lexer::getSourceText(SM.getExpansionRange(Argument->getSourceRange()), SM,
                                            Context.getLangOpts()));
      return llvm::json::Object{{"kind", "constant"},
                                {"value", static_cast<int64_t>(static_cast<uint32_t>(*Value))},
                                {"text", Text}};
    }
    if (const ParmVarDecl *Parameter = Values.forwardedParameter(Argument, Caller))
      return llvm::json::Object{{"kind", "parameter"},
                                {"index", Parameter->getFunctionScopeIndex()},
                                {"name", Parameter->getName()},
                                {"location", location(Argument->getExprLoc())}};
    return llvm::json::Object{{"kind", "unknown"}};
  }

  /// The caller's parameter that \p Argument passes on as received: an
  /// HRESULT-like value (not assigned, not narrowed on the way) or one that
  /// can carry a callable to a thread (mayCarryCallable).
  static const ParmVarDecl *forwardedParameter(const Expr *Argument, const FunctionDecl *Caller,
                                               HResultValueTracer &Values) {
    if (const ParmVarDecl *Value = Values.forwardedParameter(Argument, Caller))
      return Value;
    const ParmVarDecl *Callable = CallableFlow::forwardedParameter(Argument, Caller);
    return Callable && mayCarryCallable(Callable->getType()) ? Callable : nullptr;
  }

  /// The calls of \p Function that cannot run when one of its bool or enum
  /// parameters, read by its branch conditions, has one value: what lets
  /// another TU that passes that constant leave them out.
  static llvm::DenseMap<const Stmt *, llvm::json::Array> deadWhen(const FunctionDecl *Function,
                                                                  CallGraph &Graph) {
    llvm::DenseMap<const Stmt *, llvm::json::Array> Result;
    const FunctionDecl *Definition = nullptr;
    if (!Function->hasBody(Definition) || !Definition || Definition->getNumParams() == 0)
      return Result;
    GuardEvaluator &Guards = Graph.guards();
    for (unsigned Index : Guards.relevantParameters(Definition)) {
      if (Index >= Definition->getNumParams())
        continue;
      QualType Type = Definition->getParamDecl(Index)->getType().getNonReferenceType();
      llvm::SmallVector<int64_t, 8> Values;
      if (Type->isBooleanType()) {
        Values = {0, 1};
      } else if (const auto *Enum = Type->getAs<EnumType>()) {
        for (const EnumConstantDecl *Constant : Enum->getDecl()->enumerators())
          Values.push_back(Constant->getInitVal().getExtValue());
        if (Values.size() > 32)
          continue;
      }
      for (int64_t Value : Values) {
        const llvm::DenseSet<const Stmt *> &Dead =
            Guards.deadStatements(Definition, ParameterValues{{Index, Value}});
        if (Dead.empty())
          continue;
        for (const CallSite &Site : Graph.callSites(Function))
          if (Site.Site && Dead.count(Site.Site))
            Result[Site.Site].push_back(llvm::json::Object{{"parameter", Index}, {"value", Value}});
      }
    }
    return Result;
  }

  llvm::json::Object write(llvm::StringRef CommandKey) {
    TranslationUnitAnalysis &Analysis = TranslationUnitAnalysis::of(Context);
    CallGraph &Graph = Analysis.callGraph();
    const VssApiModel &Model = VssApiModel::get();

    llvm::json::Array Functions, Calls, FailureCalls, ThreadStartsOut, Overrides, Inputs,
        SystemInputs;
    llvm::DenseMap<const FunctionDecl *, const EventHandlerSpec *> HandlerOf;
    for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
      HandlerOf[Handler.Method->getCanonicalDecl()] = Handler.Spec;

    const auto &OutsideEvent = Analysis.outsideEventRoots();
    for (const FunctionDecl *Function : Graph.userFunctions()) {
      std::string Usr = usrOf(Function);
      if (Usr.empty() || !Analysis.isUserFunction(Function))
        continue;
      const FunctionDecl *Definition = Function->getDefinition();
      llvm::json::Object Entry{
          {"usr", Usr},
          {"name", describeFunction(Function)},
          {"location", location((Definition ? Definition : Function)->getLocation())}};
      if (const EventHandlerSpec *Spec = HandlerOf.lookup(Function->getCanonicalDecl())) {
        Entry["handler"] = Spec->Name;
        Entry["writer"] = sourceQualifiedName(cast<CXXMethodDecl>(Function)->getParent());
      }
      if (ExceptionAnalysis::isNoexcept(Function))
        Entry["noexcept"] = true;
      // Why it runs while no event is handled (rule 4), for a failure call of
      // another TU that it reaches.
      if (auto Root = OutsideEvent.find(Function->getCanonicalDecl()); Root != OutsideEvent.end())
        Entry["outside_event"] = Root->second.Reason;
      // What it returns, for a caller in another TU whose HRESULT comes from it.
      if (llvm::json::Array Returns = Analysis.values().describeReturns(Function); !Returns.empty())
        Entry["returns"] = std::move(Returns);
      Functions.push_back(std::move(Entry));

      if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
        for (const CXXMethodDecl *Overridden : Method->overridden_methods())
          Overrides.push_back(
              llvm::json::Object{{"method", Usr}, {"overrides", usrOf(Overridden)}});

      llvm::DenseMap<const Stmt *, llvm::json::Array> DeadWhen = deadWhen(Function, Graph);
      for (const CallSite &Site : Graph.callSites(Function)) {
        std::string Callee = usrOf(Site.Callee);
        if (Callee.empty())
          continue;
        llvm::json::Object Call{{"caller", Usr},
                                {"callee", Callee},
                                {"callee_name", describeFunction(Site.Callee)},
                                {"kind", kindName(Site.Kind)},
                                {"location", location(Site.Loc)}};
        // The constants passed, by parameter: what lets another TU decide
        // the callee's branches and the HRESULTs it forwards.
        const auto *CallE = dyn_cast_or_null<CallExpr>(Site.Site);
        // The caller's own parameters passed on unchanged: what lets another
        // TU follow a value through this function to a failure call.
        if (CallE && !isa<CXXOperatorCallExpr>(CallE)) {
          llvm::json::Array Constants, Forwards;
          const FunctionDecl *Body = Definition ? Definition : Function;
          for (unsigned I = 0; I < CallE->getNumArgs(); ++I) {
            if (std::optional<int64_t> Value = constantOf(CallE->getArg(I)))
              Constants.push_back(llvm::json::Object{{"parameter", I}, {"value", *Value}});
            else if (const ParmVarDecl *Parameter =
                         forwardedParameter(CallE->getArg(I), Body, Analysis.values()))
              Forwards.push_back(
                  llvm::json::Object{{"argument", I},
                                     {"parameter", Parameter->getFunctionScopeIndex()},
                                     {"name", Parameter->getName()},
                                     {"location", location(CallE->getArg(I)->getExprLoc())}});
          }
          if (!Constants.empty())
            Call["constants"] = std::move(Constants);
          if (!Forwards.empty())
            Call["forwards"] = std::move(Forwards);
        }
        if (Site.Site)
          if (auto Dead = DeadWhen.find(Site.Site); Dead != DeadWhen.end())
            Call["dead_when"] = llvm::json::Array(Dead->second);
        // A callable handed to a function this TU has no body for: which
        // function and argument, so that a reader who knows that function
        // (another TU's facts) can tell whether it starts a thread.
        if (Site.Kind == CallEdgeKind::CallbackArgument && CallE && CallE->getDirectCallee())
          for (unsigned I = 0; I < CallE->getNumArgs(); ++I)
            if (CallE->getArg(I)->getExprLoc() == Site.Loc) {
              Call["via"] =
                  llvm::json::Object{{"callee", usrOf(CallE->getDirectCallee())},
                                     {"callee_name", describeFunction(CallE->getDirectCallee())},
                                     {"argument", I},
                                     {"location", location(CallE->getBeginLoc())}};
              break;
            }
        // What the caller catches around the call: an exception thrown in
        // the callee that one of these catches does not go further.
        if (Site.Site)
          if (std::vector<std::string> Catches =
                  Analysis.exceptions().handlersAround(Function, Site.Site);
              !Catches.empty())
            Call["catches"] = llvm::json::Array(Catches);
        Calls.push_back(std::move(Call));
      }
    }

    for (const CallSite *Site : Analysis.failureCalls()) {
      const FailureReportingSpec *Spec = Model.failureReportingCall(Site->Callee);
      const auto *Call = cast<CallExpr>(Site->Site);
      llvm::json::Object Failure{{"caller", usrOf(Site->Caller)},
                                 {"api", Spec->DisplayName},
                                 {"location", location(Site->Loc)}};
      if (Spec->HResultArgument >= 0 &&
          static_cast<unsigned>(Spec->HResultArgument) < Call->getNumArgs())
        Failure["hresult"] =
            hresultArgument(Call->getArg(Spec->HResultArgument), Site->Caller, Analysis.values());
      FailureCalls.push_back(std::move(Failure));
    }

    for (const ThreadStart &Start : findThreadStarts(Graph, {})) {
      llvm::json::Array Entries;
      for (const FunctionDecl *Entry : Start.Entries)
        Entries.push_back(usrOf(Entry));
      ThreadStartsOut.push_back(llvm::json::Object{{"caller", usrOf(Start.Site->Caller)},
                                                   {"api", Start.Api},
                                                   {"underlying", Start.Underlying},
                                                   {"location", location(Start.Site->Loc)},
                                                   {"entries", std::move(Entries)}});
    }

    // The parameters each function hands to a thread it starts: what makes
    // it a thread-start wrapper for the other TUs.
    llvm::json::Array HandedToThreads;
    for (const ThreadStartParameter &Handed : findThreadStartParameters(Graph)) {
      std::string Usr = usrOf(Handed.Function);
      if (Usr.empty() || !Handed.Where)
        continue;
      const CallSite *Inner = nullptr;
      for (const CallSite &Site : Graph.callSites(Handed.Function))
        if (Site.Site && Site.Site->getSourceRange().fullyContains(Handed.Where->getSourceRange()))
          Inner = &Site;
      llvm::json::Object Entry{{"function", Usr},
                               {"parameter", Handed.Param->getFunctionScopeIndex()},
                               {"name", Handed.Param->getName()},
                               {"api", Handed.Api},
                               {"location", location(Handed.Where->getExprLoc())}};
      if (Inner)
        Entry["callee_name"] =
            Inner->Kind == CallEdgeKind::Construction
                ? sourceQualifiedName(cast<CXXConstructorDecl>(Inner->Callee)->getParent())
                : sourceQualifiedName(Inner->Callee);
      HandedToThreads.push_back(std::move(Entry));
    }

    // Every file the TU read: a later run compares them to tell a stale summary.
    // The hash is of the text clang parsed, so an edit made while it parsed
    // still makes the summary stale. The system headers are listed apart:
    // most translation units of a project read the same ones, and vss-facts
    // stores each such list once (docs/facts-format.md).
    llvm::DenseSet<const FileEntry *> UserFiles;
    for (unsigned I = 0; I < SM.local_sloc_entry_size(); ++I) {
      const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
      if (!Entry.isFile() || SrcMgr::isSystem(Entry.getFile().getFileCharacteristic()))
        continue;
      if (OptionalFileEntryRef File = Entry.getFile().getContentCache().OrigEntry)
        UserFiles.insert(&File->getFileEntry());
    }
    // In the order of their paths, so that equal lists have equal texts.
    std::vector<std::tuple<std::string, bool, llvm::MemoryBufferRef>> Read;
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::optional<llvm::MemoryBufferRef> Text = It->second->getBufferIfLoaded();
      if (!Text)
        continue;
      FileEntryRef File = It->first;
      llvm::StringRef Real = File.getFileEntry().tryGetRealPathName();
      Read.emplace_back((Real.empty() ? File.getName() : Real).str(),
                        UserFiles.contains(&File.getFileEntry()), *Text);
    }
    llvm::sort(Read, [](const auto &A, const auto &B) { return std::get<0>(A) < std::get<0>(B); });
    for (const auto &[Path, User, Text] : Read)
      (User ? Inputs : SystemInputs)
          .push_back(llvm::json::Object{{"path", Path},
                                        {"size", static_cast<int64_t>(Text.getBufferSize())},
                                        {"hash", contentHash(Text.getBuffer())}});

    FileID Main = SM.getMainFileID();
    return llvm::json::Object{{"format", "vss-facts"},
                              {"version", FactsFormatVersion},
                              {"file", fileOf(SM.getLocForStartOfFile(Main))},
                              {"command", CommandKey},
                              {"inputs", std::move(Inputs)},
                              {"system_inputs", std::move(SystemInputs)},
                              {"functions", std::move(Functions)},
                              {"calls", std::move(Calls)},
                              {"failure_calls", std::move(FailureCalls)},
                              {"thread_starts", std::move(ThreadStartsOut)},
                              {"thread_start_parameters", std::move(HandedToThreads)},
                              {"overrides", std::move(Overrides)}};
  }

private:
  ASTContext &Context;
  const SourceManager &SM;
};

} // namespace

std::string systemInputsPath(llvm::StringRef FactsDir, llvm::StringRef Key) {
  llvm::SmallString<256> Path(FactsDir);
  llvm::sys::path::append(Path, "inputs", Key + ".json");
  return std::string(Path);
}

llvm::json::Object summarizeTranslationUnit(ASTContext &Context, llvm::StringRef CommandKey) {
  return FactsWriter(Context).write(CommandKey);
}

} // namespace vss
