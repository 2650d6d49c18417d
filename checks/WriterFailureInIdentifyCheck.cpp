//===--- WriterFailureInIdentifyCheck.cpp - vss-writer-failure-in-identify ===//

#include "WriterFailureInIdentifyCheck.h"
#include "Diagnostics.h"
#include "analysis/CrossTuPaths.h"
#include "analysis/Facts.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

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
  CrossTuPaths Paths(Analysis, Facts);
  auto IsIdentifyHandler = [&](llvm::StringRef Usr) {
    if (const FactsFunction *Remote = Facts.function(Usr))
      if (!Remote->Handler.empty())
        if (const EventHandlerSpec *Spec = model().eventHandlerNamed(Remote->Handler))
          return Spec->HandlesIdentify;
    const FunctionDecl *Function = Paths.local(Usr);
    if (!Function)
      return false;
    for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
      if (Handler.Method->getCanonicalDecl() == Function->getCanonicalDecl())
        return Handler.Spec->HandlesIdentify;
    return false;
  };
  for (const CallSite *Failure : Analysis.failureCalls()) {
    std::string CallName = ReportingCallName(Failure->Callee);
    if (CallName.empty() || Reported.contains(Failure->Loc))
      continue;
    std::optional<CrossTuPath> Path =
        Paths.findCaller(Failure->Caller, Failure->Site, IsIdentifyHandler);
    if (!Path)
      continue;
    const FactsFunction *Remote = Facts.function(Path->Root);
    std::string RootName = Remote ? Remote->Name : describeFunction(Paths.local(Path->Root));
    diag(Failure->Loc, "%0 must not be called while handling Identify (reached from "
                       "%1); report a fatal Identify error by returning false")
        << CallName << RootName;
    emitCrossTuPathNotes(*this, Analysis.context().getSourceManager(), Path->Steps);
  }
  reportStaleFacts(Facts);
}

} // namespace vss
