//===--- ThreadStarts.cpp - Where user code hands a callable to a thread -===//

#include "ThreadStarts.h"
#include "Callables.h"
#include "Facts.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>

using namespace clang;

namespace vss {
namespace {

/// Wrappers are followed this deep (the standard library's own take four or
/// five levels from emplace_back to the std::thread constructor).
constexpr unsigned MaxWrapperDepth = 12;

/// True when \p Policy is exactly std::launch::deferred: the callable then
/// runs on the thread that waits for the result.
bool isDeferredOnly(const Expr *Policy, const ASTContext &Context) {
  const auto *Enum = Policy->IgnoreParenImpCasts()->getType()->getAs<EnumType>();
  Expr::EvalResult Value;
  if (!Enum || Policy->isValueDependent() || !Policy->EvaluateAsInt(Value, Context))
    return false;
  for (const EnumConstantDecl *Constant : Enum->getDecl()->enumerators())
    if (Constant->getName() == "deferred")
      return llvm::APSInt::isSameValue(Constant->getInitVal(), Value.Val.getInt());
  return false;
}

bool isLaunchPolicy(const Expr *Argument) {
  const auto *Enum = Argument->IgnoreParenImpCasts()->getType()->getAs<EnumType>();
  return Enum && Enum->getDecl()->getName() == "launch";
}

/// The arguments of a call or construction, and what its catalogue entry is
/// looked up by (the function, or the class of a constructor).
struct CallShape {
  llvm::ArrayRef<const Expr *> Args;
  const NamedDecl *Api = nullptr;
};

CallShape shapeOf(const CallSite &Site) {
  CallShape Shape;
  if (Site.Kind == CallEdgeKind::Call) {
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site)) {
      Shape.Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
      // operator() and other operators of an object: the object comes first.
      if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Site.Callee) && !Shape.Args.empty())
        Shape.Args = Shape.Args.drop_front();
      Shape.Api = Site.Callee;
    }
  } else if (Site.Kind == CallEdgeKind::Construction) {
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Site.Site)) {
      Shape.Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
      Shape.Api = cast<CXXConstructorDecl>(Site.Callee)->getParent();
    }
  }
  return Shape;
}

/// How a call starts a thread: the arguments that run on it.
struct Route {
  std::string Api;
  llvm::SmallVector<unsigned, 2> Arguments;
  llvm::SmallVector<ThreadStartStep, 2> Steps; ///< Inside the callee, down to the API.
  std::vector<FactsHop> Remote;                ///< In other translation units, after Steps.
};

/// A parameter of a wrapper that runs on a thread the wrapper starts.
struct ParameterRoute {
  unsigned Param;
  std::string Api;
  llvm::SmallVector<ThreadStartStep, 2> Steps; ///< From the wrapper's own call down.
  std::vector<FactsHop> Remote;                ///< In other translation units, after Steps.
};

class ThreadStartFinder {
public:
  ThreadStartFinder(CallGraph &Graph, llvm::ArrayRef<ThreadStartSpec> Extra,
                    FactsIndex *Facts = nullptr)
      : Graph(Graph), Extra(Extra), Facts(Facts) {}

  /// The routes by which \p Site starts threads (none for most calls).
  llvm::SmallVector<Route, 1> routesOf(const CallSite &Site, unsigned Depth) {
    llvm::SmallVector<Route, 1> Routes;
    CallShape Shape = shapeOf(Site);
    if (!Shape.Api || Shape.Args.empty())
      return Routes;
    if (const ThreadStartSpec *Spec = catalogued(Shape.Api)) {
      int Callable = Spec->CallableArgument < 0 ? static_cast<int>(Shape.Args.size()) - 1
                                                : Spec->CallableArgument;
      if (Spec->TakesLaunchPolicy && isLaunchPolicy(Shape.Args[0])) {
        if (isDeferredOnly(Shape.Args[0], Graph.context()))
          return Routes; // Runs on the waiting thread, not on a new one.
        ++Callable;
      }
      Route R{Spec->Name.str(), {}, {}, {}};
      for (int Index : {Callable, Spec->ContextArgument})
        if (Index >= 0 && Index < static_cast<int>(Shape.Args.size()))
          R.Arguments.push_back(Index);
      Routes.push_back(std::move(R));
      return Routes;
    }
    for (const ParameterRoute &Inner : parameterRoutes(Site.Callee, Depth + 1))
      if (Inner.Param < Shape.Args.size())
        Routes.push_back({Inner.Api, {Inner.Param}, Inner.Steps, Inner.Remote});
    return Routes;
  }

  /// The parameters of \p Function that run on a thread it starts, directly
  /// or through the functions it passes them to. Memoized; recursion and
  /// depth end in "none".
  llvm::ArrayRef<ParameterRoute> parameterRoutes(const FunctionDecl *Function, unsigned Depth) {
    Function = Function->getCanonicalDecl();
    auto Known = Inferred.find(Function);
    if (Known != Inferred.end())
      return *Known->second;
    if (Depth > MaxWrapperDepth)
      return {};
    // In progress: a recursive wrapper adds nothing. The vector is owned
    // apart from the map, so what callers hold stays valid as it grows.
    std::vector<ParameterRoute> &Slot =
        *(Inferred[Function] = std::make_unique<std::vector<ParameterRoute>>());
    const FunctionDecl *Definition = nullptr;
    std::vector<ParameterRoute> Found;
    if (Function->hasBody(Definition) && Definition && !Definition->isInvalidDecl() &&
        Definition->getNumParams() > 0) {
      for (const CallSite &Inner : Graph.callSites(Definition)) {
        if (Inner.Kind != CallEdgeKind::Call && Inner.Kind != CallEdgeKind::Construction)
          continue;
        CallShape Shape = shapeOf(Inner);
        // Only a call that passes one of the wrapper's parameters can make it a start.
        if (llvm::none_of(Shape.Args, [&](const Expr *Argument) {
              return CallableFlow::forwardedParameter(Argument, Definition) != nullptr;
            }))
          continue;
        for (const Route &R : routesOf(Inner, Depth))
          for (unsigned Index : R.Arguments)
            if (const ParmVarDecl *Param =
                    CallableFlow::forwardedParameter(Shape.Args[Index], Definition)) {
              ParameterRoute Route{
                  Param->getFunctionScopeIndex(), R.Api, {{&Inner, Param}}, R.Remote};
              Route.Steps.append(R.Steps.begin(), R.Steps.end());
              if (llvm::none_of(Found, [&](const ParameterRoute &Other) {
                    return Other.Param == Route.Param;
                  }))
                Found.push_back(std::move(Route));
            }
      }
    } else if (Facts && !Definition && Function->getNumParams() > 0 &&
               !Graph.context().getSourceManager().isInSystemHeader(Function->getLocation()))
      Found = remoteRoutes(Function);
    Slot = std::move(Found);
    return Slot;
  }

  /// The parameters of \p Function, defined in another translation unit,
  /// that its facts say run on a thread it starts.
  std::vector<ParameterRoute> remoteRoutes(const FunctionDecl *Function) {
    std::vector<ParameterRoute> Found;
    std::string Usr;
    for (unsigned Index = 0; Index < Function->getNumParams(); ++Index) {
      if (!mayCarryCallable(Function->getParamDecl(Index)->getType()))
        continue;
      if (Usr.empty())
        Usr = usrOf(Function);
      if (Usr.empty())
        break;
      for (FactsThreadStart &Start : Facts->threadStartsReachedFrom(Usr, Index)) {
        Found.push_back({Index, Start.Api, {}, std::move(Start.Hops)});
        break; // One route per parameter, as for the wrappers of this TU.
      }
    }
    return Found;
  }

  std::vector<ThreadStart> findAll() {
    std::vector<ThreadStart> Starts;
    const SourceManager &SM = Graph.context().getSourceManager();
    for (const FunctionDecl *Function : Graph.userFunctions()) {
      for (const CallSite &Site : Graph.callSites(Function)) {
        if (Site.Kind != CallEdgeKind::Call && Site.Kind != CallEdgeKind::Construction)
          continue;
        CallShape Shape = shapeOf(Site);
        // A call with no argument that can be a callable starts nothing.
        if (Shape.Args.empty())
          continue;
        for (const Route &R : routesOf(Site, 0)) {
          ThreadStart Start{&Site, sourceQualifiedName(Shape.Api), R.Api, {}, R.Remote, {}};
          for (const ThreadStartStep &Step : R.Steps)
            if (!SM.isInSystemHeader(SM.getExpansionLoc(Step.Site->Loc)))
              Start.Steps.push_back(Step);
          for (unsigned Index : R.Arguments) {
            // A wrapper's own parameter is started at each call of the
            // wrapper, where the notes can say what it is given.
            if (CallableFlow::forwardedParameter(Shape.Args[Index], Function))
              continue;
            for (const FunctionDecl *Entry : Graph.callables().targetsOf(Shape.Args[Index]))
              Start.Entries.push_back(Entry);
          }
          if (!Start.Entries.empty())
            Starts.push_back(std::move(Start));
        }
      }
    }
    return Starts;
  }

private:
  const ThreadStartSpec *catalogued(const NamedDecl *Api) {
    std::string Name = sourceQualifiedName(Api);
    for (llvm::ArrayRef<ThreadStartSpec> Catalogue : {VssApiModel::get().threadStarts(), Extra})
      for (const ThreadStartSpec &Candidate : Catalogue)
        if (Candidate.Name == Name)
          return &Candidate;
    return nullptr;
  }

  CallGraph &Graph;
  llvm::ArrayRef<ThreadStartSpec> Extra;
  FactsIndex *Facts;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<std::vector<ParameterRoute>>> Inferred;
};

} // namespace

std::vector<ThreadStart> findThreadStarts(CallGraph &Graph, llvm::ArrayRef<ThreadStartSpec> Extra,
                                          FactsIndex *Facts) {
  return ThreadStartFinder(Graph, Extra, Facts).findAll();
}

bool mayCarryCallable(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType() && !Type->isFunctionPointerType())
    return Type->isVoidPointerType();
  if (Type->isFunctionPointerType() || Type->isFunctionType() ||
      Type->isMemberFunctionPointerType() || Type->isTemplateTypeParmType() ||
      Type->isDependentType())
    return true;
  // An object is a callable when it has a call operator (a functor, a
  // lambda, std::function), its own or a base's.
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  auto HasCallOperator = [](const CXXRecordDecl *Class) {
    return llvm::any_of(Class->methods(),
                        [](const CXXMethodDecl *Method) {
                          return Method->getOverloadedOperator() == OO_Call;
                        }) ||
           llvm::any_of(Class->decls(), [](const Decl *D) {
             const auto *Template = dyn_cast<FunctionTemplateDecl>(D);
             return Template && Template->getTemplatedDecl()->getOverloadedOperator() == OO_Call;
           });
  };
  if (HasCallOperator(Record))
    return true;
  bool Found = false;
  Record->forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || HasCallOperator(Base);
    return true;
  });
  return Found;
}

std::vector<ThreadStartParameter> findThreadStartParameters(CallGraph &Graph) {
  std::vector<ThreadStartParameter> Found;
  ThreadStartFinder Finder(Graph, {});
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    const FunctionDecl *Definition = nullptr;
    if (!Function->hasBody(Definition) || !Definition || Definition->getNumParams() == 0)
      continue;
    for (const ParameterRoute &Route : Finder.parameterRoutes(Definition, 0)) {
      if (Route.Steps.empty() ||
          !mayCarryCallable(Definition->getParamDecl(Route.Param)->getType()))
        continue;
      const ThreadStartStep &First = Route.Steps.front();
      const Expr *Where = nullptr;
      for (const Expr *Argument : shapeOf(*First.Site).Args)
        if (CallableFlow::forwardedParameter(Argument, Definition) == First.Param)
          Where = Argument;
      Found.push_back({Definition, Definition->getParamDecl(Route.Param), Route.Api,
                       Where ? Where : dyn_cast_or_null<Expr>(First.Site->Site)});
    }
  }
  return Found;
}

const Expr *deferredCallable(const CallExpr *Call, const ASTContext &Context) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Call->getNumArgs() < 2 || !isLaunchPolicy(Call->getArg(0)) ||
      !isDeferredOnly(Call->getArg(0), Context))
    return nullptr;
  std::string Name = sourceQualifiedName(Callee);
  for (const ThreadStartSpec &Spec : VssApiModel::get().threadStarts())
    if (Spec.TakesLaunchPolicy && Spec.Name == Name)
      return Call->getArg(1);
  return nullptr;
}

} // namespace vss
