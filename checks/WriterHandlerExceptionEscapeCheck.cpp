//===--- WriterHandlerExceptionEscapeCheck.cpp - vss-writer-handler-exception-escape ===//

#include "WriterHandlerExceptionEscapeCheck.h"
#include "Diagnostics.h"
#include "analysis/CrossTuPaths.h"
#include "analysis/Exceptions.h"
#include "analysis/Names.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace vss {

namespace {

/// The subject of the warning: what is thrown where.
std::string describeThrow(const ThrowPoint &Point) {
  switch (Point.Kind) {
  case ThrowPoint::Throw:
    return "an exception of type '" + ExceptionAnalysis::exceptionName(Point) + "'";
  case ThrowPoint::Rethrow:
    return "the rethrown exception";
  case ThrowPoint::ThrowingCall:
    return "'" + Point.CalleeName + "' throws " + Point.Spec->Exception.str() +
           " on bad input, which";
  case ThrowPoint::CheckedAllocation:
    return "'new' throws std::bad_alloc instead of returning null (the test for null never "
           "fires), which";
  case ThrowPoint::Allocation:
    return "'new' can throw std::bad_alloc, which";
  }
  return "";
}

} // namespace

WriterHandlerExceptionEscapeCheck::WriterHandlerExceptionEscapeCheck(
    llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : VssCheck(Name, Context), ReportAllAllocations(Options.get("ReportAllAllocations", false)) {}

void WriterHandlerExceptionEscapeCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  VssCheck::storeOptions(Opts);
  Options.store(Opts, "ReportAllAllocations", ReportAllAllocations);
}

void WriterHandlerExceptionEscapeCheck::report(const ThrowPoint &Point, llvm::StringRef HandlerName,
                                               llvm::StringRef NoexceptFunction) {
  if (!NoexceptFunction.empty())
    diag(Point.Loc, "%0 escapes %1, which is noexcept: the writer's process terminates "
                    "(reached from the event handler %2); catch it there and report a "
                    "writer failure")
        << describeThrow(Point) << NoexceptFunction << HandlerName;
  else
    diag(Point.Loc, "%0 escapes the event handler %1; VSS does not expect exceptions from "
                    "a writer's handlers: catch it and report a writer failure")
        << describeThrow(Point) << HandlerName;
  if (Point.NullCheck)
    diag(Point.NullCheck->getBeginLoc(), "the result is tested for null here", DiagnosticIDs::Note);
}

void WriterHandlerExceptionEscapeCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  std::vector<const FunctionDecl *> Handlers;
  for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
    Handlers.push_back(Handler.Method);
  FactsIndex *Facts = facts(Analysis.context());
  if (Handlers.empty() && !Facts)
    return;
  ExceptionAnalysis &Exceptions = Analysis.exceptions();
  CallGraph &Graph = Analysis.callGraph();

  // What runs as part of the call and so throws into the caller: not a
  // callable handed to another function (a thread, a callback stored for
  // later), and not under a try block that catches everything.
  auto Follow = [&](const CallSite &Site) {
    // Into a noexcept callee even under catch (...): what leaves it
    // terminates before any handler runs.
    return runsWithinCall(Site) && !ExceptionAnalysis::isNoexcept(Site.Caller) &&
           (ExceptionAnalysis::isNoexcept(Site.Callee) ||
            !Exceptions.isCaughtWhatever(Site.Caller, Site.Site));
  };
  // A noexcept function stops an exception: it terminates the process
  // there. Its own throw points are reported as such; what it calls is not
  // followed.
  // The library's own code (system headers) is judged by its contract, in
  // the model (ThrowingCallSpec), not by the throws of its implementation.
  const SourceManager &SM = Analysis.context().getSourceManager();
  auto OwnCode = [&](const FunctionDecl *Function) {
    return Analysis.isUserFunction(Function) && !SM.isInSystemHeader(Function->getLocation());
  };
  Reachability Reached = Graph.reachableFrom(Handlers, Follow, OwnCode);

  llvm::DenseSet<SourceLocation> Reported;
  auto Skip = [&](const ThrowPoint &Point) {
    return Point.Kind == ThrowPoint::Allocation && !ReportAllAllocations;
  };
  for (ReachedFunction Node :
       Handlers.empty() ? llvm::ArrayRef<ReachedFunction>() : Reached.reached()) {
    const FunctionDecl *Function = Node.Function;
    if (!OwnCode(Function))
      continue;
    CallPath Path = Reached.pathTo(Node);
    const FunctionDecl *Handler = Reached.rootOf(Node);
    bool Terminates = ExceptionAnalysis::isNoexcept(Function);
    for (const ThrowPoint &Point : Exceptions.throwPoints(Function)) {
      if (Skip(Point))
        continue;
      // Leaving a noexcept function terminates, whatever its callers catch.
      if (Exceptions.isCaught(Function, Point.Where, Point) ||
          (!Terminates && llvm::any_of(Path, [&](const CallSite *Step) {
            return Exceptions.isCaught(Step->Caller, Step->Site, Point);
          })))
        continue;
      if (!Reported.insert(Point.Loc).second)
        continue;
      report(Point, describeFunction(Handler),
             Terminates ? describeFunction(Function) : std::string());
      for (const CallSite *Step : Path)
        emitCallPathNote(*this, *Step);
    }
  }
  if (!Facts)
    return;

  // Across translation units: the throw points of this one that a handler of
  // another reaches through other files, with nothing on the way that
  // catches them (the facts name what each call is wrapped in).
  CrossTuPaths Paths(Analysis, *Facts);
  auto IsHandler = [&](llvm::StringRef Usr) { return Paths.handlerOf(Usr) != nullptr; };
  auto FollowAcross = [&](const CallSite *Here, const FactsCall *There) {
    if (Here)
      return Follow(*Here);
    if (!remoteRunsWithinCall(*There))
      return false;
    if (const FactsFunction *Caller = Facts->function(There->Caller); Caller && Caller->Noexcept)
      return false;
    return !llvm::is_contained(There->Catches, "...");
  };
  SourceManager &Sources = Analysis.context().getSourceManager();
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    if (!OwnCode(Function) || ExceptionAnalysis::isNoexcept(Function))
      continue;
    std::vector<const ThrowPoint *> Escaping;
    for (const ThrowPoint &Point : Exceptions.throwPoints(Function))
      if (!Skip(Point) && !Reported.contains(Point.Loc) &&
          !Exceptions.isCaught(Function, Point.Where, Point))
        Escaping.push_back(&Point);
    if (Escaping.empty())
      continue;
    // One search per function; each point is judged on the path found.
    std::optional<CrossTuPath> Path = Paths.findCaller(Function, nullptr, IsHandler, FollowAcross);
    if (!Path)
      continue;
    std::string HandlerName = Paths.rootName(Path->Root);
    for (const ThrowPoint *Point : Escaping) {
      if (llvm::any_of(Path->Steps, [&](const CrossTuStep &Step) {
            return Step.Here ? Exceptions.isCaught(Step.Here->Caller, Step.Here->Site, *Point)
                             : Exceptions.caughtByNames(Step.There.Catches, *Point);
          }))
        continue;
      if (!Reported.insert(Point->Loc).second)
        continue;
      report(*Point, HandlerName, "");
      emitCrossTuPathNotes(*this, Sources, Path->Steps);
    }
  }
  reportStaleFacts(*Facts);
}

} // namespace vss
