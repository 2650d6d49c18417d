//===--- CrossTuPaths.cpp - Call paths through other translation units ---===//

#include "CrossTuPaths.h"
#include "ConstantGuards.h"
#include "Facts.h"
#include "Names.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
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

bool remoteRunsCallee(const FactsCall &Call) {
  return Call.Kind != "lambda-creation" && Call.Kind != "function-reference";
}

bool remoteRunsWithinCall(const FactsCall &Call) {
  return Call.Kind == "call" || Call.Kind == "virtual-call" || Call.Kind == "construction" ||
         Call.Kind == "destruction" || Call.Kind == "callable-invocation";
}

const EventHandlerSpec *CrossTuPaths::handlerOf(llvm::StringRef Usr) {
  if (const FactsFunction *Remote = Facts.function(Usr); Remote && !Remote->Handler.empty())
    return VssApiModel::get().eventHandlerNamed(Remote->Handler);
  if (!LocalHandlers) {
    LocalHandlers.emplace();
    for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers())
      (*LocalHandlers)[Handler.Method->getCanonicalDecl()] = Handler.Spec;
  }
  const FunctionDecl *Function = Local.lookup(Usr);
  return Function ? LocalHandlers->lookup(Function->getCanonicalDecl()) : nullptr;
}

std::string CrossTuPaths::rootName(llvm::StringRef Usr) const {
  if (const FactsFunction *Remote = Facts.function(Usr); Remote && !Remote->Handler.empty())
    return Remote->Name;
  const FunctionDecl *Function = Local.lookup(Usr);
  return Function ? describeFunction(Function) : std::string();
}

ParameterValues CrossTuPaths::constantArguments(const CallSite &Site) {
  ParameterValues Values;
  const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site);
  if (!Call || isa<CXXOperatorCallExpr>(Call) ||
      (Site.Kind != CallEdgeKind::Call && Site.Kind != CallEdgeKind::VirtualCall))
    return Values;
  for (unsigned Index = 0; Index < Call->getNumArgs(); ++Index) {
    QualType Type = Call->getArg(Index)->getType();
    if (!Type->isIntegralOrEnumerationType())
      continue;
    if (std::optional<int64_t> Value =
            Analysis.callGraph().guards().evaluate(Call->getArg(Index), Site.Caller, {}))
      Values.push_back({Index, *Value});
  }
  return Values;
}

std::optional<CrossTuPath>
CrossTuPaths::findCaller(const FunctionDecl *Start, const Stmt *StartCall,
                         llvm::function_ref<bool(llvm::StringRef Usr)> IsRoot,
                         llvm::function_ref<bool(const CallSite *, const FactsCall *)> Follow) {
  CallGraph &Graph = Analysis.callGraph();
  // The edge from a caller towards Start, in this TU or another.
  // A call of another TU is kept by reference (callersOf's answers stay put),
  // so that the search copies no call it does not report.
  struct Edge {
    std::string To;
    const CallSite *Here = nullptr;
    const FactsCall *There = nullptr;
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
        Path.Steps.push_back(Step.There ? CrossTuStep{nullptr, *Step.There}
                                        : CrossTuStep{Step.Here, {}});
        At = Step.To;
      }
      return Path;
    }
    // True when the call out of Usr on the path cannot run when Usr's
    // parameters have Values: a branch of Usr decides against it.
    auto OnwardDead = [&](const ParameterValues &Values) {
      if (Values.empty())
        return false;
      const Edge &Out = Towards[Usr];
      const Stmt *Call = Usr == StartUsr ? StartCall : Out.Here ? Out.Here->Site : nullptr;
      if (Call) {
        const FunctionDecl *Function = Local.lookup(Usr), *Definition = nullptr;
        return Function && Function->hasBody(Definition) && Definition &&
               Graph.guards().deadStatements(Definition, Values).count(Call);
      }
      if (Usr == StartUsr)
        return false;
      return Out.There &&
             llvm::any_of(Out.There->DeadWhen, [&](const std::pair<unsigned, int64_t> &When) {
               return llvm::is_contained(Values, When);
             });
    };
    auto Visit = [&](llvm::StringRef Caller, const CallSite *Here, const FactsCall *There,
                     bool CrossesFiles) {
      if (Towards.try_emplace(Caller, Edge{Usr, Here, There, CrossesFiles}).second)
        Worklist.push_back(Caller.str());
    };
    // The calls of Usr, and the virtual calls of the methods it overrides
    // (a call through the base runs the override), in this TU and others.
    llvm::SmallVector<std::string, 2> Callees{Usr};
    for (size_t I = 0; I < Callees.size() && I < 16; ++I) {
      auto AddBase = [&](const std::string &Base) {
        if (!Base.empty() && !llvm::is_contained(Callees, Base))
          Callees.push_back(Base);
      };
      if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Local.lookup(Callees[I])))
        for (const CXXMethodDecl *Overridden : Method->overridden_methods())
          AddBase(usrOf(Overridden));
      for (const std::string &Base : Facts.overriddenBy(Callees[I]))
        AddBase(Base);
    }
    for (size_t I = 0; I < Callees.size(); ++I) {
      bool Override = I > 0;
      if (const FunctionDecl *Function = Local.lookup(Callees[I]))
        for (const CallSite *Site : Graph.callersOf(Function))
          if (runsCallee(*Site) && Analysis.isUserFunction(Site->Caller) &&
              (!Override || Site->Kind == CallEdgeKind::VirtualCall) &&
              (!Follow || Follow(Site, nullptr)) && !OnwardDead(constantArguments(*Site)))
            Visit(usrOf(Site->Caller), Site, nullptr, Crosses);
      for (const FactsCall &Call : Facts.callersOf(Callees[I]))
        if ((!Override || Call.Kind == "virtual-call") && (!Follow || Follow(nullptr, &Call)) &&
            !OnwardDead(ParameterValues(Call.Constants.begin(), Call.Constants.end())))
          Visit(Call.Caller, nullptr, &Call, true);
    }
  }
  return std::nullopt;
}

} // namespace vss
