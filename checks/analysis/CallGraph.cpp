//===--- CallGraph.cpp - On-demand call graph of a translation unit ------===//

#include "CallGraph.h"
#include "Callables.h"
#include "ConstantGuards.h"
#include "ThreadStarts.h"
#include "VssApiModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <deque>

using namespace clang;

namespace vss {
namespace {

const CXXDestructorDecl *nonTrivialDestructorOf(QualType Type) {
  const auto *Record =
      Type.isNull() ? nullptr : Type->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() || Record->hasTrivialDestructor())
    return nullptr;
  return Record->getDestructor();
}

/// Collects the edges leaving one function body. Lambda bodies are separate
/// functions: a lambda expression contributes an edge to its call operator.
class CallSiteCollector : public RecursiveASTVisitor<CallSiteCollector> {
public:
  CallSiteCollector(CallGraph &Graph, const FunctionDecl *Caller, std::vector<CallSite> &Out)
      : Graph(Graph), Caller(Caller), Out(Out), SM(Graph.context().getSourceManager()),
        LangOpts(Graph.context().getLangOpts()) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  void add(const FunctionDecl *Callee, const Stmt *Site, SourceLocation Loc, CallEdgeKind Kind) {
    if (!Callee)
      return;
    Loc = Loc.isValid() ? SM.getFileLoc(Loc) : SourceLocation();
    if (Loc.isInvalid())
      Loc = SM.getFileLoc(Caller->getLocation());
    Out.push_back({Caller, Callee, Site, Loc, Kind});
  }

  bool VisitCallExpr(CallExpr *Call) {
    const Expr *CalleeExpr = Call->getCallee()->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(CalleeExpr))
      CalleeRefs.insert(Ref);
    // A call with errors in it is not trusted (and newer clang drops it).
    if (Call->containsErrors())
      return true;
    if (const Expr *Invoked = CallableFlow::invokedCallable(Call))
      for (const FunctionDecl *Target : Graph.callables().targetsOf(Invoked))
        add(Target, Call, Call->getExprLoc(), CallEdgeKind::CallableInvocation);
    // std::async(std::launch::deferred, f) runs f where the result is waited
    // for, on this thread: as good as a call here.
    if (const Expr *Deferred = deferredCallable(Call, Graph.context()))
      for (const FunctionDecl *Target : Graph.callables().targetsOf(Deferred))
        add(Target, Call, Deferred->getExprLoc(), CallEdgeKind::CallableInvocation);
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    addCallbackArguments(Call, Callee);
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    bool Virtual = Method && Method->isVirtual();
    if (Virtual) {
      if (const auto *Member = dyn_cast<MemberExpr>(CalleeExpr))
        Virtual = Member->performsVirtualDispatch(LangOpts);
    }
    if (!Virtual) {
      add(Callee, Call, Call->getExprLoc(), CallEdgeKind::Call);
      return true;
    }
    add(Callee, Call, Call->getExprLoc(), CallEdgeKind::VirtualCall);
    for (const CXXMethodDecl *Override : Graph.overridesOf(Method))
      add(Override, Call, Call->getExprLoc(), CallEdgeKind::VirtualCall);
    return true;
  }

  /// A callable given to a function whose body is not in the TU (a callback
  /// API such as EnumWindows, a helper defined elsewhere) may run there. A
  /// thread start runs it on another thread instead: not an edge. What the
  /// standard library does with it (store it in a std::function, call it in
  /// std::for_each) is seen in its instantiated bodies.
  void addCallbackArguments(const CallExpr *Call, const FunctionDecl *Callee) {
    if (Callee->hasBody() || Callee->getBuiltinID() ||
        llvm::none_of(Call->arguments(), CallableFlow::mayBeCallable) ||
        Callee->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace() ||
        isThreadStartApi(Callee))
      return;
    for (const Expr *Argument : Call->arguments())
      for (const FunctionDecl *Target : Graph.callables().targetsOf(Argument))
        add(Target, Call, Argument->getExprLoc(), CallEdgeKind::CallbackArgument);
  }

  static bool isThreadStartApi(const FunctionDecl *Callee) {
    std::string Name = sourceQualifiedName(Callee);
    return llvm::any_of(VssApiModel::get().threadStarts(),
                        [&](const ThreadStartSpec &Spec) { return Spec.Name == Name; });
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor && !Ctor->isTrivial())
      add(Ctor, Construct, Construct->getLocation(), CallEdgeKind::Construction);
    return true;
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    const CXXDestructorDecl *Dtor = nonTrivialDestructorOf(Delete->getDestroyedType());
    if (!Dtor)
      return true;
    add(Dtor, Delete, Delete->getBeginLoc(), CallEdgeKind::Destruction);
    if (Dtor->isVirtual())
      for (const CXXMethodDecl *Override : Graph.overridesOf(Dtor))
        add(Override, Delete, Delete->getBeginLoc(), CallEdgeKind::Destruction);
    return true;
  }

  // Destructors are collected from the AST, not from the CFG's implicit
  // destructor elements: the call graph is built without a CFG per function,
  // and building one only for destructors would double its cost.
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var))
      add(nonTrivialDestructorOf(Var->getType()), nullptr, Var->getLocation(),
          CallEdgeKind::Destruction);
    return true;
  }

  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *Bind) {
    if (const CXXTemporary *Temporary = Bind->getTemporary())
      add(Temporary->getDestructor(), Bind, Bind->getBeginLoc(), CallEdgeKind::Destruction);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      if (!CalleeRefs.count(Ref))
        add(Function, Ref, Ref->getLocation(), CallEdgeKind::FunctionReference);
    return true;
  }

  // A local class's member functions are functions of their own: their
  // calls are their edges, reached through the calls of them.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  // Unevaluated operands never run: sizeof/alignof (but a variable-length
  // array's size is evaluated), noexcept, decltype, and typeid of a
  // non-polymorphic operand.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    if (E->isArgumentType() && E->getArgumentType()->isVariableArrayType())
      return RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  // LLVM 22 passes a second argument (TraverseQualifier); 19 passes one.
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc, bool = true) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    if (E->isPotentiallyEvaluated())
      return RecursiveASTVisitor::TraverseCXXTypeidExpr(E);
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    const SourceLocation Loc = Lambda->getBeginLoc();
    if (const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator()) {
      for (const FunctionDecl *Specialization : Generic->specializations())
        add(Specialization, Lambda, Loc, CallEdgeKind::LambdaCreation);
    } else {
      add(Lambda->getCallOperator(), Lambda, Loc, CallEdgeKind::LambdaCreation);
    }
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }

  void collect(const FunctionDecl *Definition) {
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        TraverseStmt(Init->getInit());
    TraverseStmt(Definition->getBody());
    if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(Definition))
      collectImplicitDestruction(Dtor);
  }

private:
  // A destructor also destroys the members and bases of its class.
  void collectImplicitDestruction(const CXXDestructorDecl *Dtor) {
    const CXXRecordDecl *Record = Dtor->getParent();
    for (const FieldDecl *Field : Record->fields())
      add(nonTrivialDestructorOf(Field->getType()), nullptr, Dtor->getLocation(),
          CallEdgeKind::Destruction);
    for (const CXXBaseSpecifier &Base : Record->bases())
      add(nonTrivialDestructorOf(Base.getType()), nullptr, Dtor->getLocation(),
          CallEdgeKind::Destruction);
  }

  CallGraph &Graph;
  const FunctionDecl *Caller;
  std::vector<CallSite> &Out;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> CalleeRefs;
};

} // namespace

CallGraph::CallGraph(ASTContext &Context) : Context(Context) {}
CallGraph::~CallGraph() = default;

CallableFlow &CallGraph::callables() {
  if (!Callables)
    Callables = std::make_unique<CallableFlow>(*this);
  return *Callables;
}

bool runsCallee(const CallSite &Site) {
  return Site.Kind != CallEdgeKind::LambdaCreation && Site.Kind != CallEdgeKind::FunctionReference;
}

unsigned objectArguments(const CallExpr *Call) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call ? Call->getDirectCallee() : nullptr);
  return isa_and_nonnull<CXXOperatorCallExpr>(Call) && Method &&
                 Method->isImplicitObjectMemberFunction()
             ? 1
             : 0;
}

bool runsWithinCall(const CallSite &Site) {
  switch (Site.Kind) {
  case CallEdgeKind::Call:
  case CallEdgeKind::VirtualCall:
  case CallEdgeKind::Construction:
  case CallEdgeKind::Destruction:
  case CallEdgeKind::CallableInvocation:
    return true;
  default:
    return false;
  }
}

llvm::ArrayRef<const FunctionDecl *> CallGraph::userFunctions() {
  if (UserFunctionsBuilt)
    return UserFunctionList;
  UserFunctionsBuilt = true;
  std::vector<const FunctionDecl *> Found;
  forEachUserDecl(Context.getTranslationUnitDecl(), Context.getSourceManager(), [&](const Decl *D) {
    if (const auto *Function = dyn_cast<FunctionDecl>(D))
      if (Function->doesThisDeclarationHaveABody() && !Function->isInvalidDecl())
        Found.push_back(Function);
  });
  // Lambdas and the members of local classes live inside bodies: they are
  // found through the edges that create or call them.
  llvm::DenseSet<const FunctionDecl *> Seen;
  std::deque<const FunctionDecl *> Worklist(Found.begin(), Found.end());
  while (!Worklist.empty()) {
    const FunctionDecl *Function = Worklist.front()->getCanonicalDecl();
    Worklist.pop_front();
    if (!Seen.insert(Function).second)
      continue;
    UserFunctionList.push_back(Function);
    for (const CallSite &Site : callSites(Function))
      if (Site.Kind == CallEdgeKind::LambdaCreation ||
          (Site.Callee->getParentFunctionOrMethod() && Site.Callee->hasBody()))
        Worklist.push_back(Site.Callee);
  }
  return UserFunctionList;
}

void CallGraph::buildCallers() {
  if (CallersBuilt)
    return;
  CallersBuilt = true;
  for (const FunctionDecl *Caller : userFunctions())
    for (const CallSite &Site : callSites(Caller)) {
      Callers[Site.Callee->getCanonicalDecl()].push_back(&Site);
      if (Site.Site)
        CallerOfSite.try_emplace(Site.Site, Site.Caller);
    }
}

llvm::ArrayRef<const CallSite *> CallGraph::callersOf(const FunctionDecl *Function) {
  buildCallers();
  auto It = Callers.find(Function->getCanonicalDecl());
  if (It == Callers.end())
    return {};
  return It->second;
}

const FunctionDecl *CallGraph::callerAt(const Stmt *Site) {
  buildCallers();
  return CallerOfSite.lookup(Site);
}

llvm::ArrayRef<CallSite> CallGraph::callSites(const FunctionDecl *Function) {
  Function = Function->getCanonicalDecl();
  auto [It, Inserted] = Edges.try_emplace(Function);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Definition = nullptr;
  if (Function->hasBody(Definition) && Definition && !Definition->isInvalidDecl()) {
    std::vector<CallSite> Sites;
    CallSiteCollector(*this, Definition, Sites).collect(Definition);
    It->second = std::move(Sites); // Collecting never inserts into Edges.
  }
  return It->second;
}

void CallGraph::buildOverrideIndex() {
  if (OverrideIndexBuilt)
    return;
  OverrideIndexBuilt = true;
  forEachUserDecl(Context.getTranslationUnitDecl(), Context.getSourceManager(), [&](const Decl *D) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
      for (const CXXMethodDecl *Overridden : Method->overridden_methods())
        DirectOverrides[Overridden->getCanonicalDecl()].push_back(Method);
  });
}

llvm::ArrayRef<const CXXMethodDecl *> CallGraph::overridesOf(const CXXMethodDecl *Method) {
  Method = Method->getCanonicalDecl();
  auto Known = AllOverrides.find(Method);
  if (Known != AllOverrides.end())
    return Known->second;
  buildOverrideIndex();
  std::vector<const CXXMethodDecl *> Result;
  llvm::SmallVector<const CXXMethodDecl *, 8> Worklist{Method};
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Visited{Method};
  while (!Worklist.empty()) {
    auto Direct = DirectOverrides.find(Worklist.pop_back_val());
    if (Direct == DirectOverrides.end())
      continue;
    for (const CXXMethodDecl *Override : Direct->second) {
      if (!Visited.insert(Override->getCanonicalDecl()).second)
        continue;
      Result.push_back(Override);
      Worklist.push_back(Override->getCanonicalDecl());
    }
  }
  return AllOverrides[Method] = std::move(Result);
}

GuardEvaluator &CallGraph::guards() {
  if (!Guards)
    Guards = std::make_unique<GuardEvaluator>(Context);
  return *Guards;
}

const llvm::DenseSet<const Stmt *> &CallGraph::deadStatements(ReachedFunction Node) {
  return guards().deadStatements(Node.Function, Contexts[Node.Context]);
}

unsigned CallGraph::contextAt(const CallSite &Site, ReachedFunction From) {
  // The arguments that initialise the callee's parameters.
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site)) {
    if (Site.Kind != CallEdgeKind::Call && Site.Kind != CallEdgeKind::VirtualCall &&
        Site.Kind != CallEdgeKind::CallableInvocation)
      return 0;
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    const FunctionDecl *Direct = Call->getDirectCallee();
    if (!Args.empty() && (objectArguments(Call) || VssApiModel::get().isInvoke(Direct)))
      Args = Args.drop_front();
  } else if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Site.Site)) {
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  } else {
    return 0;
  }
  GuardEvaluator &Evaluator = guards();
  llvm::SmallVector<std::pair<unsigned, int64_t>, 2> Known;
  for (unsigned Index : Evaluator.relevantParameters(Site.Callee))
    if (Index < Args.size())
      if (std::optional<int64_t> Value =
              Evaluator.evaluate(Args[Index], Site.Caller, Contexts[From.Context]))
        Known.push_back({Index, *Value});
  if (Known.empty())
    return 0;
  auto Existing = ContextIds.find(Known);
  if (Existing != ContextIds.end())
    return Existing->second;
  // A few contexts per function: past that, nothing is known (the traversal
  // stays linear in the size of the call graph).
  unsigned &Count = ContextsPerFunction[Site.Callee->getCanonicalDecl()];
  if (Count >= 8)
    return 0;
  ++Count;
  unsigned Id = Contexts.size();
  Contexts.push_back(Known);
  ContextIds.emplace(std::move(Known), Id);
  return Id;
}

Reachability CallGraph::reachableFrom(llvm::ArrayRef<const FunctionDecl *> Roots,
                                      llvm::function_ref<bool(const CallSite &)> Follow,
                                      llvm::function_ref<bool(const FunctionDecl *)> Expand) {
  if (Contexts.empty())
    Contexts.emplace_back(); // Context 0: nothing known.
  Reachability Result;
  std::deque<ReachedFunction> Queue;
  auto Reach = [&](ReachedFunction Node, const CallSite *Site, ReachedFunction From) {
    if (!Result.Parent.try_emplace(Reachability::keyOf(Node), Site, Reachability::keyOf(From))
             .second)
      return;
    Queue.push_back(Node);
  };
  for (const FunctionDecl *Root : Roots) {
    ReachedFunction Node{Root->getCanonicalDecl(), 0};
    Reach(Node, nullptr, Node);
  }
  while (!Queue.empty()) {
    ReachedFunction Node = Queue.front();
    Queue.pop_front();
    if (!Expand(Node.Function))
      continue;
    Result.Order.push_back(Node);
    const llvm::DenseSet<const Stmt *> &Dead = deadStatements(Node);
    for (const CallSite &Site : callSites(Node.Function)) {
      if (!Follow(Site) || (Site.Site && Dead.count(Site.Site)))
        continue;
      ReachedFunction Callee{Site.Callee->getCanonicalDecl(), contextAt(Site, Node)};
      Reach(Callee, &Site, Node);
    }
  }
  return Result;
}

void CallGraph::forEachReachedCall(
    const Reachability &Reached,
    llvm::function_ref<void(const CallSite &, ReachedFunction)> Visit) {
  for (ReachedFunction Node : Reached.reached()) {
    const llvm::DenseSet<const Stmt *> &Dead = deadStatements(Node);
    for (const CallSite &Site : callSites(Node.Function))
      if ((Site.Kind == CallEdgeKind::Call || Site.Kind == CallEdgeKind::VirtualCall) &&
          !(Site.Site && Dead.count(Site.Site)))
        Visit(Site, Node);
  }
}

const FunctionDecl *Reachability::rootOf(ReachedFunction Node) const {
  Key Current = keyOf(Node);
  while (true) {
    auto It = Parent.find(Current);
    if (It == Parent.end())
      return nullptr;
    if (!It->second.first)
      return Current.first;
    Current = It->second.second;
  }
}

CallPath Reachability::pathTo(ReachedFunction Node) const {
  CallPath Path;
  Key Current = keyOf(Node);
  while (true) {
    auto It = Parent.find(Current);
    if (It == Parent.end() || !It->second.first)
      break;
    Path.push_back(It->second.first);
    Current = It->second.second;
  }
  std::reverse(Path.begin(), Path.end());
  return Path;
}

} // namespace vss
