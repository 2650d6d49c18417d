//===--- WriterFailureInIdentifyCheck.cpp - vss-writer-failure-in-identify ===//

#include "WriterFailureInIdentifyCheck.h"
#include "Diagnostics.h"
#include "analysis/Facts.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <deque>

using namespace clang;

namespace vss {

WriterFailureInIdentifyCheck::WriterFailureInIdentifyCheck(llvm::StringRef Name,
                                                           tidy::ClangTidyContext *Context)
    : VssCheck(Name, Context),
      ReportingFunctionNames(parseListOption(Options.get("ReportingFunctions", ""))),
      ReportingFunctions(ReportingFunctionNames) {
  for (const std::string &Item : ReportingFunctionNames)
    if (!isQualifiedName(Item))
      configurationDiag("invalid configuration value '%0' for option '%1'; expected a qualified "
                        "function name such as 'Contoso::ReportWriterError'; the entry is ignored")
          << Item << (Name + ".ReportingFunctions").str();
}

void WriterFailureInIdentifyCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  VssCheck::storeOptions(Opts);
  Options.store(Opts, "ReportingFunctions", joinListOption(ReportingFunctionNames));
}

void WriterFailureInIdentifyCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  std::vector<const FunctionDecl *> IdentifyHandlers;
  for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
    if (Handler.Spec->HandlesIdentify)
      IdentifyHandlers.push_back(Handler.Method);
  FactsIndex *Facts = facts(Analysis.context());
  if (IdentifyHandlers.empty() && !Facts)
    return;
  const VssApiModel &Model = model();

  // The name of the failure-reporting call a callee is, or empty.
  auto ReportingCallName = [&](const FunctionDecl *Callee) -> std::string {
    if (const FailureReportingSpec *Spec = Model.failureReportingCall(Callee))
      return Spec->ForbiddenInIdentify ? Spec->DisplayName.str() : "";
    if (!ReportingFunctions.empty()) {
      std::string Name = sourceQualifiedName(Callee);
      if (ReportingFunctions.contains(Name))
        return Name;
    }
    return "";
  };

  // One breadth-first traversal from every Identify handler at once: each
  // offending call is reported once, with a shortest path from its handler.
  llvm::DenseSet<SourceLocation> Reported;
  if (!IdentifyHandlers.empty())
    checkWithinTranslationUnit(Analysis, IdentifyHandlers, ReportingCallName, Reported);
  if (Facts)
    checkAcrossTranslationUnits(Analysis, *Facts, ReportingCallName, Reported);
}

void WriterFailureInIdentifyCheck::checkWithinTranslationUnit(
    TranslationUnitAnalysis &Analysis, llvm::ArrayRef<const FunctionDecl *> IdentifyHandlers,
    llvm::function_ref<std::string(const FunctionDecl *)> ReportingCallName,
    llvm::DenseSet<SourceLocation> &Reported) {
  Reachability Reached = Analysis.callGraph().reachableFrom(
      IdentifyHandlers, runsCallee, [&](const FunctionDecl *Function) {
        return Analysis.isUserFunction(Function) && ReportingCallName(Function).empty();
      });

  Analysis.callGraph().forEachReachedCall(Reached, [&](const CallSite &Site, ReachedFunction Node) {
    std::string CallName = ReportingCallName(Site.Callee);
    if (CallName.empty() || !Reported.insert(Site.Loc).second)
      return;
    const FunctionDecl *Root = Reached.rootOf(Node);
    diag(Site.Loc, "%0 must not be called while handling Identify (reached from "
                   "%1); report a fatal Identify error by returning false")
        << CallName << describeFunction(Root);
    for (const CallSite *Step : Reached.pathTo(Node))
      emitCallPathNote(*this, *Step);
  });
}

void WriterFailureInIdentifyCheck::checkAcrossTranslationUnits(
    TranslationUnitAnalysis &Analysis, FactsIndex &Facts,
    llvm::function_ref<std::string(const FunctionDecl *)> ReportingCallName,
    const llvm::DenseSet<SourceLocation> &Reported) {
  CallGraph &Graph = Analysis.callGraph();
  // This TU's functions by USR: the callees of its calls and its own functions,
  // so that a path can come back into it through a function another TU calls.
  llvm::StringMap<const FunctionDecl *> Local;
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    Local.try_emplace(usrOf(Function), Function);
    for (const CallSite &Site : Graph.callSites(Function))
      Local.try_emplace(usrOf(Site.Callee), Site.Callee);
  }
  auto IsIdentifyHandler = [&](llvm::StringRef Usr) {
    if (const FactsFunction *Remote = Facts.function(Usr))
      if (!Remote->Handler.empty())
        if (const EventHandlerSpec *Spec = model().eventHandlerNamed(Remote->Handler))
          return Spec->HandlesIdentify;
    auto It = Local.find(Usr);
    if (It == Local.end())
      return false;
    for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
      if (Handler.Method->getCanonicalDecl() == It->second->getCanonicalDecl())
        return Handler.Spec->HandlesIdentify;
    return false;
  };

  // The edge from a caller towards the failure call, in this TU or another.
  struct Edge {
    std::string To;
    const CallSite *Here = nullptr;
    FactsCall There;
    bool CrossesFiles = false; ///< This edge or one after it is another TU's.
  };
  for (const CallSite *Failure : Analysis.failureCalls()) {
    std::string CallName = ReportingCallName(Failure->Callee);
    if (CallName.empty() || Reported.contains(Failure->Loc))
      continue;
    // Backwards from the failure call to an Identify handler, breadth first:
    // a shortest path, each function visited once.
    std::string Start = usrOf(Failure->Caller);
    llvm::StringMap<Edge> Towards;
    Towards[Start] = Edge{};
    std::deque<std::string> Worklist{Start};
    std::string Root;
    while (!Worklist.empty() && Root.empty()) {
      std::string Usr = Worklist.front();
      Worklist.pop_front();
      bool Crosses = Towards[Usr].CrossesFiles;
      if (Crosses && IsIdentifyHandler(Usr)) {
        Root = Usr;
        break;
      }
      auto Visit = [&](const std::string &Caller, Edge Step) {
        Step.To = Usr;
        if (Towards.try_emplace(Caller, std::move(Step)).second)
          Worklist.push_back(Caller);
      };
      if (const FunctionDecl *Function = Local.lookup(Usr))
        for (const CallSite *Site : Graph.callersOf(Function))
          if (runsCallee(*Site) && Analysis.isUserFunction(Site->Caller))
            Visit(usrOf(Site->Caller), Edge{"", Site, {}, Crosses});
      for (FactsCall &Call : Facts.callersOf(Usr)) {
        std::string Caller = Call.Caller;
        Visit(Caller, Edge{"", nullptr, std::move(Call), true});
      }
    }
    if (Root.empty())
      continue;
    std::string RootName =
        Facts.function(Root) ? Facts.function(Root)->Name : describeFunction(Local.lookup(Root));
    diag(Failure->Loc, "%0 must not be called while handling Identify (reached from "
                       "%1); report a fatal Identify error by returning false")
        << CallName << RootName;
    SourceManager &SM = Analysis.context().getSourceManager();
    for (std::string Usr = Root; Usr != Start;) {
      const Edge &Step = Towards[Usr];
      if (Step.Here)
        emitCallPathNote(*this, *Step.Here);
      else
        diag(locationIn(SM, Step.There.File, Step.There.Line, Step.There.Column),
             "%0 calls %1 here", DiagnosticIDs::Note)
            << Step.There.CallerName << Step.There.CalleeName;
      Usr = Step.To;
    }
  }
  reportStaleFacts(Facts);
}

} // namespace vss
