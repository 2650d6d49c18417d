//===--- WriterFailureOffHandlerThreadCheck.cpp - vss-writer-failure-off-handler-thread ===//

#include "WriterFailureOffHandlerThreadCheck.h"
#include "Diagnostics.h"
#include "Options.h"
#include "analysis/CrossTuPaths.h"
#include "analysis/Facts.h"
#include "analysis/ThreadStarts.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace vss {

WriterFailureOffHandlerThreadCheck::WriterFailureOffHandlerThreadCheck(
    llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : VssCheck(Name, Context), ThreadStartOption(Options.get("ThreadStartFunctions", "").str()) {
  // "ns::Pool::Submit:1" -> name and callable argument (0 when not given); the
  // names are kept in ThreadStartNames so that the specs can refer to them.
  std::vector<std::pair<std::string, int>> Parsed;
  for (const std::string &Item : parseListOption(ThreadStartOption)) {
    llvm::StringRef Function(Item);
    int Argument = 0;
    size_t Colon = Function.rfind(':');
    if (Colon != llvm::StringRef::npos && (Colon == 0 || Function[Colon - 1] != ':')) {
      if (Function.drop_front(Colon + 1).getAsInteger(10, Argument) || Argument < -1)
        Argument = -2;
      Function = Function.take_front(Colon);
    }
    if (Argument < -1 || !isQualifiedName(Function)) {
      configurationDiag("invalid configuration value '%0' for option '%1'; expected a qualified "
                        "function name, optionally followed by ':' and the index of its callable "
                        "argument (-1 for the last); the entry is ignored")
          << Item << (Name + ".ThreadStartFunctions").str();
      continue;
    }
    Function.consume_front("::");
    Parsed.push_back({Function.str(), Argument});
  }
  ThreadStartNames.reserve(Parsed.size());
  for (auto &[Function, Argument] : Parsed) {
    ThreadStartNames.push_back(Function);
    ThreadStartFunctions.push_back({ThreadStartNames.back(), Argument});
  }
}

void WriterFailureOffHandlerThreadCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  VssCheck::storeOptions(Opts);
  Options.store(Opts, "ThreadStartFunctions", ThreadStartOption);
}

void WriterFailureOffHandlerThreadCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  // Only a TU that calls a thread-bound method needs the analysis at all.
  if (llvm::none_of(Analysis.failureCalls(), [&](const CallSite *Site) {
        return Model.failureReportingCall(Site->Callee)->BoundToHandlerThread;
      }))
    return;
  CallGraph &Graph = Analysis.callGraph();
  FactsIndex *Facts = facts(Analysis.context());
  std::vector<ThreadStart> Starts = findThreadStarts(Graph, ThreadStartFunctions, Facts);
  llvm::DenseSet<SourceLocation> Reported;
  if (!Starts.empty())
    checkWithinTranslationUnit(Analysis, Starts, Reported);
  if (Facts) {
    checkAcrossTranslationUnits(Analysis, *Facts, Starts, Reported);
    reportStaleFacts(*Facts);
  }
}

void WriterFailureOffHandlerThreadCheck::checkWithinTranslationUnit(
    TranslationUnitAnalysis &Analysis, const std::vector<ThreadStart> &Starts,
    llvm::DenseSet<SourceLocation> &Reported) {
  const VssApiModel &Model = model();
  CallGraph &Graph = Analysis.callGraph();
  // Every thread entry, with the first start that runs it.
  std::vector<const FunctionDecl *> Entries;
  llvm::DenseMap<const FunctionDecl *, const ThreadStart *> StartOf;
  for (const ThreadStart &Start : Starts)
    for (const FunctionDecl *Entry : Start.Entries)
      if (StartOf.try_emplace(Entry->getCanonicalDecl(), &Start).second)
        Entries.push_back(Entry);

  Reachability Reached =
      Graph.reachableFrom(Entries, runsCallee, [&](const FunctionDecl *Function) {
        return Analysis.isUserFunction(Function) && !Model.failureReportingCall(Function);
      });

  Graph.forEachReachedCall(Reached, [&](const CallSite &Site, ReachedFunction Node) {
    const FailureReportingSpec *Spec = Model.failureReportingCall(Site.Callee);
    if (!Spec || !Spec->BoundToHandlerThread || !Reported.insert(Site.Loc).second)
      return;
    const ThreadStart &Start = *StartOf.lookup(Reached.rootOf(Node)->getCanonicalDecl());
    reportLocalStart(*Spec, Site, Start, Analysis);
    for (const CallSite *Step : Reached.pathTo(Node))
      emitCallPathNote(*this, *Step);
  });
}

void WriterFailureOffHandlerThreadCheck::reportLocalStart(const FailureReportingSpec &Spec,
                                                          const CallSite &Failure,
                                                          const ThreadStart &Start,
                                                          TranslationUnitAnalysis &Analysis) {
  const FunctionDecl *Starter = Start.Site->Caller;
  const auto *StarterMethod = dyn_cast<CXXMethodDecl>(Starter);
  std::string BackTo = "the event handler";
  if (model().overriddenEventHandler(StarterMethod))
    BackTo = StarterMethod->getNameAsString();
  diag(Failure.Loc, "%0 must be called on the thread that called the event handler; this "
                    "call runs on a worker thread started by %1 in %2; pass the error back "
                    "to %3 and report it there")
      << Spec.DisplayName.str() << Start.Api << describeFunction(Starter) << BackTo;
  if (Start.Underlying == Start.Api)
    diag(Start.Site->Loc, "%0 starts a worker thread here with %1", DiagnosticIDs::Note)
        << describeFunction(Starter) << Start.Api;
  else
    diag(Start.Site->Loc, "%0 starts a worker thread here with %1, which hands it to %2",
         DiagnosticIDs::Note)
        << describeFunction(Starter) << Start.Api << Start.Underlying;
  for (const ThreadStartStep &Step : Start.Steps)
    diag(Step.Site->Loc, "%0 passes '%1' to %2 here", DiagnosticIDs::Note)
        << describeFunction(Step.Site->Caller) << Step.Param->getName()
        << sourceQualifiedName(Step.Site->Kind == CallEdgeKind::Construction
                                   ? static_cast<const NamedDecl *>(
                                         cast<CXXConstructorDecl>(Step.Site->Callee)->getParent())
                                   : Step.Site->Callee);
  // The steps in other translation units, from their facts.
  emitRemoteHopNotes(*this, Analysis.context().getSourceManager(), Start.RemoteSteps);
}

void WriterFailureOffHandlerThreadCheck::checkAcrossTranslationUnits(
    TranslationUnitAnalysis &Analysis, FactsIndex &Facts, const std::vector<ThreadStart> &Starts,
    const llvm::DenseSet<SourceLocation> &Reported) {
  // The thread entries of this TU by USR, with the first start that runs it.
  llvm::StringMap<const ThreadStart *> LocalStartOf;
  for (const ThreadStart &Start : Starts)
    for (const FunctionDecl *Entry : Start.Entries)
      LocalStartOf.try_emplace(usrOf(Entry), &Start);
  CrossTuPaths Paths(Analysis, Facts);
  SourceManager &SM = Analysis.context().getSourceManager();
  for (const CallSite *Failure : Analysis.failureCalls()) {
    const FailureReportingSpec *Spec = model().failureReportingCall(Failure->Callee);
    if (!Spec->BoundToHandlerThread || Reported.contains(Failure->Loc))
      continue;
    // Backwards from the failure call to a thread entry, on a path through
    // another TU (the paths within this one are reported above).
    const ThreadStart *LocalStart = nullptr;
    std::optional<FactsThreadStartSite> RemoteStart;
    std::optional<CrossTuPath> Path =
        Paths.findCaller(Failure->Caller, Failure->Site, [&](llvm::StringRef Usr) {
          if ((LocalStart = LocalStartOf.lookup(Usr)))
            return true;
          const std::vector<FactsThreadStartSite> &Remote = Facts.threadStartsRunning(Usr);
          if (Remote.empty())
            return false;
          RemoteStart = Remote.front();
          return true;
        });
    if (!Path)
      continue;
    if (LocalStart) {
      reportLocalStart(*Spec, *Failure, *LocalStart, Analysis);
    } else {
      const EventHandlerSpec *Handler = model().eventHandlerNamed(RemoteStart->Handler);
      std::string BackTo = Handler ? RemoteStart->Handler : "the event handler";
      diag(Failure->Loc, "%0 must be called on the thread that called the event handler; this "
                         "call runs on a worker thread started by %1 in %2; pass the error "
                         "back to %3 and report it there")
          << Spec->DisplayName.str() << RemoteStart->Api << RemoteStart->CallerName << BackTo;
      SourceLocation At = locationIn(SM, RemoteStart->File, RemoteStart->Line, RemoteStart->Column);
      if (RemoteStart->Underlying == RemoteStart->Api)
        diag(At, "%0 starts a worker thread here with %1", DiagnosticIDs::Note)
            << RemoteStart->CallerName << RemoteStart->Api;
      else
        diag(At, "%0 starts a worker thread here with %1, which hands it to %2",
             DiagnosticIDs::Note)
            << RemoteStart->CallerName << RemoteStart->Api << RemoteStart->Underlying;
      emitRemoteHopNotes(*this, SM, RemoteStart->Hops);
    }
    emitCrossTuPathNotes(*this, SM, Path->Steps);
  }
}

} // namespace vss
