//===--- WriterFailureOutsideEventCheck.cpp - vss-writer-failure-outside-event ===//

#include "WriterFailureOutsideEventCheck.h"
#include "Diagnostics.h"
#include "analysis/CrossTuPaths.h"
#include "analysis/Facts.h"
#include "analysis/Names.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace vss {

namespace {

const FailureReportingSpec *boundToEvent(const VssApiModel &Model, const FunctionDecl *Callee) {
  const FailureReportingSpec *Spec = Model.failureReportingCall(Callee);
  return Spec && Spec->BoundToEvent ? Spec : nullptr;
}

} // namespace

void WriterFailureOutsideEventCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  CallGraph &Graph = Analysis.callGraph();
  const auto &Roots = Analysis.outsideEventRoots();
  FactsIndex *Facts = facts(Analysis.context());

  llvm::DenseSet<SourceLocation> Reported;
  auto Warn = [&](SourceLocation At, const FailureReportingSpec &Spec, llvm::StringRef RootName,
                  llvm::StringRef Reason) {
    diag(At, "%0 records the failure of the event being handled, but this call runs while no "
             "event is handled (reached from %1, %2); log the error or return it to the caller "
             "instead")
        << Spec.DisplayName.str() << RootName << Reason;
  };

  if (!Roots.empty()) {
    std::vector<const FunctionDecl *> Starts;
    for (const auto &[Root, Why] : Roots)
      Starts.push_back(Root);
    // In the order of the source, so that the shortest paths are stable.
    const SourceManager &SM = Analysis.context().getSourceManager();
    llvm::sort(Starts, [&](const FunctionDecl *A, const FunctionDecl *B) {
      return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
    });
    Reachability Reached = Graph.reachableFrom(Starts, runsCallee, [&](const FunctionDecl *F) {
      return Analysis.isUserFunction(F) && !boundToEvent(Model, F);
    });
    Graph.forEachReachedCall(Reached, [&](const CallSite &Site, ReachedFunction Node) {
      const FailureReportingSpec *Spec = boundToEvent(Model, Site.Callee);
      if (!Spec || !Reported.insert(Site.Loc).second)
        return;
      const FunctionDecl *Root = Reached.rootOf(Node);
      const TranslationUnitAnalysis::OutsideEventRoot &Why =
          Roots.find(Root->getCanonicalDecl())->second;
      std::string RootName = describeFunction(Root);
      Warn(Site.Loc, *Spec, RootName, Why.Reason);
      if (Why.Because) {
        if (Why.Lifecycle.empty())
          diag(Why.Because->Loc, "%0 registers %1 with %2 here", DiagnosticIDs::Note)
              << describeFunction(Why.Because->Caller) << RootName
              << sourceQualifiedName(Why.Because->Callee);
        else
          diag(Why.Because->Loc, "%0 calls %1 here", DiagnosticIDs::Note)
              << RootName << Why.Lifecycle.str();
      }
      for (const CallSite *Step : Reached.pathTo(Node))
        emitCallPathNote(*this, *Step);
    });
  }
  if (!Facts)
    return;

  // Across translation units: a failure call of this one that a function of
  // another reaches, which its facts say runs outside events ("outside_event").
  CrossTuPaths Paths(Analysis, *Facts);
  llvm::StringMap<const TranslationUnitAnalysis::OutsideEventRoot *> LocalRoots;
  for (const auto &[Root, Why] : Roots)
    LocalRoots[usrOf(Root)] = &Why;
  for (const CallSite *Failure : Analysis.failureCalls()) {
    const FailureReportingSpec *Spec = boundToEvent(Model, Failure->Callee);
    if (!Spec || Reported.contains(Failure->Loc))
      continue;
    std::optional<CrossTuPath> Path =
        Paths.findCaller(Failure->Caller, Failure->Site, [&](llvm::StringRef Usr) {
          if (LocalRoots.count(Usr))
            return true;
          const FactsFunction *Remote = Facts->function(Usr);
          return Remote && !Remote->OutsideEvent.empty();
        });
    if (!Path)
      continue;
    if (const FactsFunction *Remote = Facts->function(Path->Root);
        Remote && !Remote->OutsideEvent.empty())
      Warn(Failure->Loc, *Spec, Remote->Name, Remote->OutsideEvent);
    else
      Warn(Failure->Loc, *Spec, describeFunction(Paths.local(Path->Root)),
           LocalRoots.lookup(Path->Root)->Reason);
    emitCrossTuPathNotes(*this, Analysis.context().getSourceManager(), Path->Steps);
  }
  reportStaleFacts(*Facts);
}

} // namespace vss
