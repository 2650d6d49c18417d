//===--- ThreadStarts.cpp - Where user code hands a callable to a thread -===//

#include "ThreadStarts.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Type.h"

using namespace clang;

namespace vss {
namespace {

const Expr *strip(const Expr *E) {
  while (true) {
    const Expr *Before = E;
    E = E->IgnoreImplicit()->IgnoreParenCasts();
    // Copies and moves of the callable, and its conversion to std::function.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      if (Construct->getNumArgs() == 1 && Construct->getConstructor() &&
          (Construct->getConstructor()->isCopyOrMoveConstructor() ||
           sourceQualifiedName(Construct->getConstructor()->getParent()) == "std::function"))
        E = Construct->getArg(0);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    if (E == Before)
      return E;
  }
}

void addFunction(const FunctionDecl *Function, CallGraph &Graph,
                 llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!Function)
    return;
  Out.push_back(Function);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    if (Method->isVirtual())
      for (const CXXMethodDecl *Override : Graph.overridesOf(Method))
        Out.push_back(Override);
}

/// The functions a thread entered through \p Callable runs first.
void resolveCallable(const Expr *Callable, CallGraph &Graph, unsigned Depth,
                     llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!Callable || Depth > 8)
    return;
  const Expr *E = strip(Callable);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    if (const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator())
      for (const FunctionDecl *Specialization : Generic->specializations())
        Out.push_back(Specialization);
    else
      Out.push_back(Lambda->getCallOperator());
    return;
  }
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(E))
    if (AddressOf->getOpcode() == UO_AddrOf)
      return resolveCallable(AddressOf->getSubExpr(), Graph, Depth + 1, Out);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return addFunction(Function, Graph, Out);
    // A local that holds the callable: auto worker = [this] { ... };
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasLocalStorage() && Var->getInit() && !Var->getType()->isReferenceType())
        resolveCallable(Var->getInit(), Graph, Depth + 1, Out);
    if (!Out.empty())
      return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Call->getNumArgs() > 0) {
      std::string Name = sourceQualifiedName(Callee);
      if (Name == "std::bind" || Name == "std::bind_front")
        return resolveCallable(Call->getArg(0), Graph, Depth + 1, Out);
    }
  }
  // A functor: every call operator of its class.
  const CXXRecordDecl *Record = E->getType().isNull() ? nullptr
                                                      : E->getType()->getAsCXXRecordDecl();
  if (Record && Record->hasDefinition() && !Record->isLambda()) {
    for (const Decl *Member : Record->getDefinition()->decls()) {
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Member)) {
        if (Method->getOverloadedOperator() == OO_Call)
          addFunction(Method, Graph, Out);
      } else if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member)) {
        if (Template->getTemplatedDecl()->getOverloadedOperator() == OO_Call)
          for (const FunctionDecl *Specialization : Template->specializations())
            Out.push_back(Specialization);
      }
    }
  }
}

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

} // namespace

std::vector<ThreadStart> findThreadStarts(CallGraph &Graph, llvm::ArrayRef<ThreadStartSpec> Extra) {
  std::vector<ThreadStart> Starts;
  llvm::ArrayRef<ThreadStartSpec> Known = VssApiModel::get().threadStarts();
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    for (const CallSite &Site : Graph.callSites(Function)) {
      llvm::ArrayRef<const Expr *> Args;
      const NamedDecl *Api = nullptr;
      if (Site.Kind == CallEdgeKind::Call) {
        if (const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site)) {
          Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
          Api = Site.Callee;
        }
      } else if (Site.Kind == CallEdgeKind::Construction) {
        if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Site.Site)) {
          Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
          Api = cast<CXXConstructorDecl>(Site.Callee)->getParent();
        }
      }
      if (!Api || Args.empty())
        continue;
      std::string Name = sourceQualifiedName(Api);
      const ThreadStartSpec *Spec = nullptr;
      for (llvm::ArrayRef<ThreadStartSpec> Catalogue : {Known, Extra})
        for (const ThreadStartSpec &Candidate : Catalogue)
          if (Candidate.Name == Name)
            Spec = &Candidate;
      if (!Spec)
        continue;
      int Index = Spec->CallableArgument < 0 ? static_cast<int>(Args.size()) - 1
                                             : Spec->CallableArgument;
      if (Spec->TakesLaunchPolicy && isLaunchPolicy(Args[0])) {
        if (isDeferredOnly(Args[0], Graph.context()))
          continue;
        ++Index;
      }
      if (Index < 0 || Index >= static_cast<int>(Args.size()))
        continue;
      ThreadStart Start{&Site, Name, {}};
      resolveCallable(Args[Index], Graph, 0, Start.Entries);
      if (!Start.Entries.empty())
        Starts.push_back(std::move(Start));
    }
  }
  return Starts;
}

} // namespace vss
