//===--- WriterFreezeBlockingCheck.cpp - vss-writer-freeze-blocking ------===//

#include "WriterFreezeBlockingCheck.h"
#include "Diagnostics.h"
#include "analysis/Names.h"
#include "analysis/ValueRange.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace vss {

WriterFreezeBlockingCheck::WriterFreezeBlockingCheck(llvm::StringRef Name,
                                                     clang::tidy::ClangTidyContext *Context)
    : VssCheck(Name, Context), MaxWaitMilliseconds(Options.get("MaxWaitMilliseconds", 10000u)) {}

void WriterFreezeBlockingCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  VssCheck::storeOptions(Opts);
  Options.store(Opts, "MaxWaitMilliseconds", MaxWaitMilliseconds);
}

namespace {

/// The argument of \p Call that holds its parameter \p Param.
std::optional<unsigned> argumentFor(const CallExpr *Call, const ParmVarDecl *Param) {
  unsigned Index = Param->getFunctionScopeIndex();
  // A member operator called as an operator: its object is argument 0.
  if (isa<CXXOperatorCallExpr>(Call))
    if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
        Method && !Method->isExplicitObjectMemberFunction())
      ++Index;
  if (Index >= Call->getNumArgs())
    return std::nullopt;
  return Index;
}

} // namespace

void WriterFreezeBlockingCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  CallGraph &Graph = Analysis.callGraph();
  std::vector<const FunctionDecl *> Roots;
  for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
    if (Handler.Spec->InFreezeWindow)
      Roots.push_back(Handler.Method);
  if (Roots.empty())
    return;
  const SourceManager &SM = Analysis.context().getSourceManager();
  HResultValueTracer &Values = Analysis.values();
  llvm::DenseSet<SourceLocation> Reported;

  // What runs before the handler returns: a wait on a worker thread the
  // handler starts does not hold the handler. The library's own waits are
  // found where the user's code calls them, not inside its implementation.
  Reachability Reached = Graph.reachableFrom(Roots, runsWithinCall, [&](const FunctionDecl *F) {
    return Analysis.isUserFunction(F) && !SM.isInSystemHeader(F->getLocation());
  });
  Graph.forEachReachedCall(Reached, [&](const CallSite &Site, ReachedFunction Node) {
    const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site);
    const BlockingWaitSpec *Wait = Call ? Model.blockingWait(Call) : nullptr;
    // The waits the user wrote, not those inside the standard library.
    if (!Wait || SM.isInSystemHeader(Site.Loc) || Reported.contains(Site.Loc))
      return;
    std::string WaitName =
        Wait->MethodName.empty() ? Wait->Name.str() : (Wait->Name + "::" + Wait->MethodName).str();
    CallPath Path = Reached.pathTo(Node);
    std::string Handler = describeFunction(Reached.rootOf(Node));
    const char *Remedy = "wait with a time-out well inside the freeze window, or do the work "
                         "before the freeze (OnPrepareSnapshot)";

    if (Wait->TimeoutArgument < 0) {
      Reported.insert(Site.Loc);
      diag(Site.Loc, "%0 waits without a time-out inside the freeze window (reached from %1); "
                     "the snapshot times out if it does not return: %2")
          << WaitName << Handler << Remedy;
      for (const CallSite *Step : Path)
        emitCallPathNote(*this, *Step);
      return;
    }

    // The time-out as this path passes it: through the parameters of the
    // functions on the path that forward it unchanged, to the call that
    // gives it a value.
    const CallExpr *At = Call;
    unsigned Index = static_cast<unsigned>(Wait->TimeoutArgument);
    const FunctionDecl *In = Site.Caller;
    if (Index >= Call->getNumArgs())
      return;
    for (const CallSite *Step : llvm::reverse(Path)) {
      const ParmVarDecl *Param = Values.forwardedParameter(At->getArg(Index), In);
      const auto *Outer = dyn_cast_or_null<CallExpr>(Step->Site);
      if (!Param || !Outer ||
          (Step->Kind != CallEdgeKind::Call && Step->Kind != CallEdgeKind::VirtualCall))
        break;
      std::optional<unsigned> Argument = argumentFor(Outer, Param);
      if (!Argument)
        break;
      At = Outer;
      Index = *Argument;
      In = Step->Caller;
    }
    std::vector<TracedValue> Timeouts = Values.traceArgument(At, Index, In);
    const TracedValue *Longest = nullptr;
    for (const TracedValue &Timeout : Timeouts)
      // Not a value a caller off this path passes through a parameter.
      if (Timeout.Value.Kind == HResultValue::Known && Timeout.Value.Value >= MaxWaitMilliseconds &&
          llvm::none_of(Timeout.Steps,
                        [](const ValueStep &Step) { return Step.Kind == ValueStep::Forwarding; }) &&
          (!Longest || Timeout.Value.Value > Longest->Value.Value))
        Longest = &Timeout;
    if (!Longest)
      return;
    Reported.insert(Site.Loc);
    uint32_t Timeout = Longest->Value.Value;
    if (Timeout == Model.infiniteTimeout())
      diag(Site.Loc, "%0 waits with an INFINITE time-out inside the freeze window (reached from "
                     "%1); the snapshot times out if it does not return: %2")
          << WaitName << Handler << Remedy;
    else
      diag(Site.Loc, "%0 waits up to %1 ms inside the freeze window (reached from %2), at least "
                     "the bound of %3 ms (option MaxWaitMilliseconds): %4")
          << WaitName << Timeout << Handler << MaxWaitMilliseconds << Remedy;
    for (const CallSite *Step : Path)
      emitCallPathNote(*this, *Step);
    // Where the value is written, unless it is the wait's own argument.
    if (const Expr *Origin = Longest->Value.Origin;
        Origin && stripCasts(Origin) != stripCasts(Call->getArg(Wait->TimeoutArgument)))
      diag(SM.getFileLoc(Origin->getExprLoc()), "the time-out is %0 here", DiagnosticIDs::Note)
          << (Timeout == Model.infiniteTimeout() ? std::string("INFINITE")
                                                 : std::to_string(Timeout) + " ms");
  });
}

} // namespace vss
