//===--- WriterFreezeBlockingCheck.cpp - vss-writer-freeze-blocking ------===//

#include "WriterFreezeBlockingCheck.h"
#include "Diagnostics.h"
#include "analysis/CrossTuPaths.h"
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
  unsigned Index = Param->getFunctionScopeIndex() + objectArguments(Call);
  if (Index >= Call->getNumArgs())
    return std::nullopt;
  return Index;
}

} // namespace

namespace {

/// How a wait's finding is worded: its name as the user knows it.
std::string waitName(const BlockingWaitSpec &Wait) {
  return Wait.MethodName.empty() ? Wait.Name.str() : (Wait.Name + "::" + Wait.MethodName).str();
}

} // namespace

const TracedValue *
WriterFreezeBlockingCheck::longestTimeout(const std::vector<TracedValue> &Timeouts) const {
  const TracedValue *Longest = nullptr;
  for (const TracedValue &Timeout : Timeouts)
    // Not a value that a caller off the path passes through a parameter.
    if (Timeout.Value.Kind == HResultValue::Known && Timeout.Value.Value >= MaxWaitMilliseconds &&
        llvm::none_of(Timeout.Steps,
                      [](const ValueStep &Step) { return Step.Kind == ValueStep::Forwarding; }) &&
        (!Longest || Timeout.Value.Value > Longest->Value.Value))
      Longest = &Timeout;
  return Longest;
}

void WriterFreezeBlockingCheck::report(const SourceManager &SM, const CallExpr *Call,
                                       SourceLocation Loc, const BlockingWaitSpec &Wait,
                                       llvm::StringRef Handler, const TracedValue *Longest,
                                       llvm::function_ref<void()> PathNotes) {
  const VssApiModel &Model = model();
  const char *Remedy = "wait with a time-out well inside the freeze window, or do the work "
                       "before the freeze (OnPrepareSnapshot)";
  if (!Longest) {
    diag(Loc, "%0 waits without a time-out inside the freeze window (reached from %1); the "
              "snapshot times out if it does not return: %2")
        << waitName(Wait) << Handler << Remedy;
    PathNotes();
    return;
  }
  uint32_t Timeout = Longest->Value.Value;
  if (Timeout == Model.infiniteTimeout())
    diag(Loc, "%0 waits with an INFINITE time-out inside the freeze window (reached from %1); "
              "the snapshot times out if it does not return: %2")
        << waitName(Wait) << Handler << Remedy;
  else
    diag(Loc, "%0 waits up to %1 ms inside the freeze window (reached from %2), at least the "
              "bound of %3 ms (option MaxWaitMilliseconds): %4")
        << waitName(Wait) << Timeout << Handler << MaxWaitMilliseconds << Remedy;
  PathNotes();
  // Where the value is written, unless it is the wait's own argument.
  if (const Expr *Origin = Longest->Value.Origin;
      Origin && stripCasts(Origin) != stripCasts(Call->getArg(Wait.TimeoutArgument)))
    diag(SM.getFileLoc(Origin->getExprLoc()), "the time-out is %0 here", DiagnosticIDs::Note)
        << (Timeout == Model.infiniteTimeout() ? std::string("INFINITE")
                                               : std::to_string(Timeout) + " ms");
}

void WriterFreezeBlockingCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  CallGraph &Graph = Analysis.callGraph();
  std::vector<const FunctionDecl *> Roots;
  for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
    if (Handler.Spec->InFreezeWindow)
      Roots.push_back(Handler.Method);
  FactsIndex *Facts = facts(Analysis.context());
  if (Roots.empty() && !Facts)
    return;
  const SourceManager &SM = Analysis.context().getSourceManager();
  HResultValueTracer &Values = Analysis.values();
  llvm::DenseSet<SourceLocation> Reported;
  // The user's own code: the library's waits are found where the user calls
  // them, not inside its implementation.
  auto OwnCode = [&](const FunctionDecl *F) {
    return Analysis.isUserFunction(F) && !SM.isInSystemHeader(F->getLocation());
  };

  // What runs before the handler returns: a wait on a worker thread the
  // handler starts does not hold the handler.
  Reachability Reached = Graph.reachableFrom(Roots, runsWithinCall, OwnCode);
  Graph.forEachReachedCall(Reached, [&](const CallSite &Site, ReachedFunction Node) {
    const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site);
    const BlockingWaitSpec *Wait = Call ? Model.blockingWait(Call) : nullptr;
    if (!Wait || SM.isInSystemHeader(Site.Loc) || Reported.contains(Site.Loc))
      return;
    CallPath Path = Reached.pathTo(Node);
    auto PathNotes = [&] {
      for (const CallSite *Step : Path)
        emitCallPathNote(*this, *Step);
    };
    std::string Handler = describeFunction(Reached.rootOf(Node));
    if (Wait->TimeoutArgument < 0) {
      Reported.insert(Site.Loc);
      report(SM, Call, Site.Loc, *Wait, Handler, nullptr, PathNotes);
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
    if (const TracedValue *Longest = longestTimeout(Timeouts)) {
      Reported.insert(Site.Loc);
      report(SM, Call, Site.Loc, *Wait, Handler, Longest, PathNotes);
    }
  });
  if (!Facts)
    return;

  // Across translation units: a wait of this one that a freeze handler of
  // another reaches, with a time-out this translation unit knows to be too
  // long (one passed in by a caller of another file is not followed).
  CrossTuPaths Paths(Analysis, *Facts);
  auto IsFreezeHandler = [&](llvm::StringRef Usr) {
    const EventHandlerSpec *Handler = Paths.handlerOf(Usr);
    return Handler && Handler->InFreezeWindow;
  };
  auto FollowAcross = [&](const CallSite *Here, const FactsCall *There) {
    return Here ? runsWithinCall(*Here) : remoteRunsWithinCall(*There);
  };
  SourceManager &Sources = Analysis.context().getSourceManager();
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    if (!OwnCode(Function))
      continue;
    // The function's waits that block too long, judged in the function.
    std::vector<std::pair<const CallSite *, std::vector<TracedValue>>> Blocking;
    for (const CallSite &Site : Graph.callSites(Function)) {
      const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site);
      const BlockingWaitSpec *Wait = Call ? Model.blockingWait(Call) : nullptr;
      if (!Wait || Reported.contains(Site.Loc) || SM.isInSystemHeader(Site.Loc))
        continue;
      if (Wait->TimeoutArgument < 0)
        Blocking.push_back({&Site, {}});
      else if (std::vector<TracedValue> Timeouts = Values.traceArgument(
                   Call, static_cast<unsigned>(Wait->TimeoutArgument), Site.Caller);
               longestTimeout(Timeouts))
        Blocking.push_back({&Site, std::move(Timeouts)});
    }
    if (Blocking.empty())
      continue;
    // One search per function; each of its waits is reported with the path.
    std::optional<CrossTuPath> Path =
        Paths.findCaller(Function, nullptr, IsFreezeHandler, FollowAcross);
    if (!Path)
      continue;
    std::string Handler = Paths.rootName(Path->Root);
    for (const auto &[Site, Timeouts] : Blocking) {
      if (!Reported.insert(Site->Loc).second)
        continue;
      const auto *Call = cast<CallExpr>(Site->Site);
      report(SM, Call, Site->Loc, *Model.blockingWait(Call), Handler, longestTimeout(Timeouts),
             [&] { emitCrossTuPathNotes(*this, Sources, Path->Steps); });
    }
  }
  reportStaleFacts(*Facts);
}

} // namespace vss
