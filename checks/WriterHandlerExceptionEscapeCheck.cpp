//===--- WriterHandlerExceptionEscapeCheck.cpp - vss-writer-handler-exception-escape ===//

#include "WriterHandlerExceptionEscapeCheck.h"
#include "Diagnostics.h"
#include "analysis/Exceptions.h"
#include "analysis/Names.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace vss {

WriterHandlerExceptionEscapeCheck::WriterHandlerExceptionEscapeCheck(
    llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : VssCheck(Name, Context), ReportAllAllocations(Options.get("ReportAllAllocations", false)) {}

void WriterHandlerExceptionEscapeCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  VssCheck::storeOptions(Opts);
  Options.store(Opts, "ReportAllAllocations", ReportAllAllocations);
}

void WriterHandlerExceptionEscapeCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  std::vector<const FunctionDecl *> Handlers;
  for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
    Handlers.push_back(Handler.Method);
  if (Handlers.empty())
    return;
  ExceptionAnalysis &Exceptions = Analysis.exceptions();
  CallGraph &Graph = Analysis.callGraph();

  // What runs as part of the call and so throws into the caller: not a
  // callable handed to another function (a thread, a callback stored for
  // later), and not under a try block that catches everything.
  auto Follow = [&](const CallSite &Site) {
    switch (Site.Kind) {
    case CallEdgeKind::Call:
    case CallEdgeKind::VirtualCall:
    case CallEdgeKind::Construction:
    case CallEdgeKind::Destruction:
    case CallEdgeKind::CallableInvocation:
      return !ExceptionAnalysis::isNoexcept(Site.Caller) &&
             !Exceptions.isCaughtWhatever(Site.Caller, Site.Site);
    default:
      return false;
    }
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
  for (ReachedFunction Node : Reached.reached()) {
    const FunctionDecl *Function = Node.Function;
    if (!OwnCode(Function))
      continue;
    CallPath Path = Reached.pathTo(Node);
    const FunctionDecl *Handler = Reached.rootOf(Node);
    bool Terminates = ExceptionAnalysis::isNoexcept(Function);
    for (const ThrowPoint &Point : Exceptions.throwPoints(Function)) {
      if (Point.Kind == ThrowPoint::Allocation && !ReportAllAllocations)
        continue;
      if (Exceptions.isCaught(Function, Point.Where, Point) ||
          llvm::any_of(Path, [&](const CallSite *Step) {
            return Exceptions.isCaught(Step->Caller, Step->Site, Point);
          }))
        continue;
      if (!Reported.insert(Point.Loc).second)
        continue;
      std::string What;
      switch (Point.Kind) {
      case ThrowPoint::Throw:
        What = "an exception of type '" + ExceptionAnalysis::exceptionName(Point) + "'";
        break;
      case ThrowPoint::Rethrow:
        What = "the rethrown exception";
        break;
      case ThrowPoint::ThrowingCall:
        What = "'" + Point.CalleeName + "' throws " + Point.Spec->Exception.str() +
               " on bad input, which";
        break;
      case ThrowPoint::CheckedAllocation:
        What = "'new' throws std::bad_alloc instead of returning null (the test for null "
               "never fires), which";
        break;
      case ThrowPoint::Allocation:
        What = "'new' can throw std::bad_alloc, which";
        break;
      }
      if (Terminates)
        diag(Point.Loc, "%0 escapes %1, which is noexcept: the writer's process terminates "
                        "(reached from the event handler %2); catch it there and report a "
                        "writer failure")
            << What << describeFunction(Function) << describeFunction(Handler);
      else
        diag(Point.Loc, "%0 escapes the event handler %1; VSS does not expect exceptions from "
                        "a writer's handlers: catch it and report a writer failure")
            << What << describeFunction(Handler);
      if (Point.NullCheck)
        diag(Point.NullCheck->getBeginLoc(), "the result is tested for null here",
             DiagnosticIDs::Note);
      for (const CallSite *Step : Path)
        emitCallPathNote(*this, *Step);
    }
  }
}

} // namespace vss
