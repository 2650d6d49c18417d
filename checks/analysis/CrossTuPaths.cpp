//===--- CrossTuPaths.cpp - Call paths through other translation units ---===//

#include "CrossTuPaths.h"
#include "Facts.h"
#include <deque>

using namespace clang;

namespace vss {

CrossTuPaths::CrossTuPaths(TranslationUnitAnalysis &Analysis, FactsIndex &Facts)
    : Analysis(Analysis), Facts(Facts) {
  CallGraph &Graph = Analysis.callGraph();
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    Local.try_emplace(usrOf(Function), Function);
    for (const CallSite &Site : Graph.callSites(Function))
      Local.try_emplace(usrOf(Site.Callee), Site.Callee);
  }
}

std::optional<CrossTuPath>
CrossTuPaths::findCaller(const FunctionDecl *Start,
                         llvm::function_ref<bool(llvm::StringRef Usr)> IsRoot) {
  CallGraph &Graph = Analysis.callGraph();
  // The edge from a caller towards Start, in this TU or another.
  struct Edge {
    std::string To;
    CrossTuStep Step;
    bool CrossesFiles = false; ///< This edge or one after it is another TU's.
  };
  std::string StartUsr = usrOf(Start);
  llvm::StringMap<Edge> Towards;
  Towards[StartUsr] = Edge{};
  std::deque<std::string> Worklist{StartUsr};
  while (!Worklist.empty()) {
    std::string Usr = Worklist.front();
    Worklist.pop_front();
    bool Crosses = Towards[Usr].CrossesFiles;
    if (Crosses && IsRoot(Usr)) {
      CrossTuPath Path{Usr, {}};
      for (std::string At = Usr; At != StartUsr;) {
        const Edge &Step = Towards[At];
        Path.Steps.push_back(Step.Step);
        At = Step.To;
      }
      return Path;
    }
    auto Visit = [&](const std::string &Caller, CrossTuStep Step, bool CrossesFiles) {
      if (Towards.try_emplace(Caller, Edge{Usr, std::move(Step), CrossesFiles}).second)
        Worklist.push_back(Caller);
    };
    if (const FunctionDecl *Function = Local.lookup(Usr))
      for (const CallSite *Site : Graph.callersOf(Function))
        if (runsCallee(*Site) && Analysis.isUserFunction(Site->Caller))
          Visit(usrOf(Site->Caller), CrossTuStep{Site, {}}, Crosses);
    for (FactsCall &Call : Facts.callersOf(Usr)) {
      std::string Caller = Call.Caller;
      Visit(Caller, CrossTuStep{nullptr, std::move(Call)}, true);
    }
  }
  return std::nullopt;
}

} // namespace vss
