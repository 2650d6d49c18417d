//===--- Callables.cpp - Where the callables of a translation unit go ----===//

#include "Callables.h"
#include "CallGraph.h"
#include "UserCode.h"
#include "VssApiModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace vss {

/// What an expression can be as a callable: functions it certainly is, and
/// places whose callables it reads.
struct CallableFlow::Value {
  CallableTargets Targets;
  llvm::SmallVector<std::pair<const Decl *, unsigned>, 2> Places;
  void add(const Value &Other) {
    Targets.append(Other.Targets.begin(), Other.Targets.end());
    Places.append(Other.Places.begin(), Other.Places.end());
  }
};

namespace {

constexpr unsigned MaxDepth = 16;

/// The standard utilities that hand their argument on unchanged.
bool isPassThrough(const FunctionDecl *Callee) {
  if (!Callee || !Callee->getIdentifier() || !Callee->isInStdNamespace())
    return false;
  llvm::StringRef Name = Callee->getName();
  return Name == "move" || Name == "forward" || Name == "move_if_noexcept" || Name == "ref" ||
         Name == "cref";
}

/// True for types that can hold a callable (or a container of them);
/// arithmetic values never do.
bool mayHoldCallable(QualType Type) {
  if (Type.isNull())
    return false;
  Type = Type.getNonReferenceType();
  return !Type->isArithmeticType() && !Type->isEnumeralType() && !Type->isVoidType();
}

/// The call operators of a closure or functor class.
void callOperatorsOf(const CXXRecordDecl *Record, CallGraph &Graph, CallableTargets &Out) {
  if (!Record || !Record->hasDefinition() || VssApiModel::get().isCallableWrapper(Record))
    return;
  Record = Record->getDefinition();
  if (Record->isLambda()) {
    if (const FunctionTemplateDecl *Generic = Record->getDependentLambdaCallOperator()) {
      for (const FunctionDecl *Specialization : Generic->specializations())
        Out.push_back(Specialization);
    } else if (const CXXMethodDecl *Call = Record->getLambdaCallOperator()) {
      Out.push_back(Call);
    }
    return;
  }
  // A functor of the standard library (std::less, ...) runs no user code.
  if (!isUserCode(Record))
    return;
  for (const Decl *Member : Record->decls()) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member)) {
      if (Method->getOverloadedOperator() == OO_Call) {
        Out.push_back(Method);
        if (Method->isVirtual())
          for (const CXXMethodDecl *Override : Graph.overridesOf(Method))
            Out.push_back(Override);
      }
    } else if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member)) {
      if (Template->getTemplatedDecl()->getOverloadedOperator() == OO_Call)
        for (const FunctionDecl *Specialization : Template->specializations())
          Out.push_back(Specialization);
    }
  }
}

} // namespace

const Expr *CallableFlow::strip(const Expr *E) {
  const VssApiModel &Model = VssApiModel::get();
  while (E) {
    const Expr *Before = E;
    E = E->IgnoreImplicit()->IgnoreParenCasts()->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      // A copy or move, or a wrapper made from the callable.
      if (Ctor && Construct->getNumArgs() >= 1 &&
          ((Construct->getNumArgs() == 1 && Ctor->isCopyOrMoveConstructor()) ||
           Model.isCallableWrapper(Ctor->getParent())))
        E = Construct->getArg(0);
    } else if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
      // new std::function<void()>(job): the job, on the heap.
      if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(New->getInitializer()))
        if (Construct->getNumArgs() >= 1 &&
            (Model.isCallableWrapper(Construct->getConstructor()->getParent()) ||
             (Construct->getNumArgs() == 1 &&
              Construct->getConstructor()->isCopyOrMoveConstructor())))
          E = Construct->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (isPassThrough(Call->getDirectCallee()) && Call->getNumArgs() == 1)
        E = Call->getArg(0);
    }
    if (E == Before)
      return E;
  }
  return E;
}

const ParmVarDecl *CallableFlow::forwardedParameter(const Expr *E, const FunctionDecl *Function) {
  if (!E)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(E));
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Param || !Function)
    return nullptr;
  for (const ParmVarDecl *Own : Function->parameters())
    if (Own == Param)
      return Param;
  return nullptr;
}

const Expr *CallableFlow::invokedCallable(const CallExpr *Call) {
  const VssApiModel &Model = VssApiModel::get();
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee());
    if (Operator->getOperator() == OO_Call && Method && Operator->getNumArgs() > 0 &&
        Model.isCallableWrapper(Method->getParent()))
      return Operator->getArg(0);
    return nullptr;
  }
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    return Model.isInvoke(Callee) && Call->getNumArgs() > 0 ? Call->getArg(0) : nullptr;
  // Through a function pointer, or a member function pointer (obj.*pmf)().
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *PointerToMember = dyn_cast<BinaryOperator>(Callee))
    if (PointerToMember->isPtrMemOp())
      return PointerToMember->getRHS();
  if (Callee->isTypeDependent() || Call->containsErrors())
    return nullptr;
  return Callee;
}

bool CallableFlow::mayBeCallable(const Expr *E) {
  if (!E || E->isTypeDependent())
    return false;
  QualType Type = strip(E)->getType().getNonReferenceType();
  if (Type->isPointerType() && !Type->isFunctionPointerType())
    Type = Type->getPointeeType();
  return Type->isFunctionPointerType() || Type->isFunctionType() ||
         Type->isMemberFunctionPointerType() || Type->isRecordType();
}

CallableFlow::CallableFlow(CallGraph &Graph) : Graph(Graph) {}
CallableFlow::~CallableFlow() = default;

CallableFlow::Value CallableFlow::valueOf(const Expr *E, unsigned Depth) const {
  Value Result;
  if (!E || Depth > MaxDepth || E->containsErrors() || E->isTypeDependent())
    return Result;
  E = strip(E);
  if (!mayHoldCallable(E->getType()))
    return Result;
  const VssApiModel &Model = VssApiModel::get();
  auto AddFunction = [&](const FunctionDecl *Function) {
    Result.Targets.push_back(Function);
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
      if (Method->isVirtual())
        for (const CXXMethodDecl *Override : Graph.overridesOf(Method))
          Result.Targets.push_back(Override);
  };
  // A closure or functor is what its type says (exact in every instantiation).
  if (const CXXRecordDecl *Record = E->getType().getNonReferenceType()->getAsCXXRecordDecl())
    callOperatorsOf(Record, Graph, Result.Targets);

  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref)
      Result.add(valueOf(Unary->getSubExpr(), Depth + 1));
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      AddFunction(Function);
    else if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      Result.Places.push_back({Var->getCanonicalDecl(), false});
  } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      Result.Places.push_back({Field->getCanonicalDecl(), false});
    else if (const auto *Var = dyn_cast<VarDecl>(Member->getMemberDecl()))
      Result.Places.push_back({Var->getCanonicalDecl(), false});
  } else if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(E)) {
    Result.add(valueOf(Conditional->getTrueExpr(), Depth + 1));
    Result.add(valueOf(Conditional->getFalseExpr(), Depth + 1));
  } else if (const auto *List = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Init : List->inits())
      Result.add(valueOf(Init, Depth + 1));
  } else if (const auto *StdList = dyn_cast<CXXStdInitializerListExpr>(E)) {
    Result.add(valueOf(StdList->getSubExpr(), Depth + 1));
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A container or pair made from callables holds them.
    const CXXRecordDecl *Record = Construct->getConstructor()->getParent();
    if (isLibrary(Record) && !Record->isLambda())
      for (const Expr *Argument : Construct->arguments())
        Result.add(valueOf(Argument, Depth + 1));
  } else if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    if (const Expr *Init = New->getInitializer())
      Result.add(valueOf(Init, Depth + 1));
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Model.isBind(Callee) && Call->getNumArgs() > 0) {
      Result.add(valueOf(Call->getArg(0), Depth + 1));
    } else if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call);
               MemberCall && Callee && isLibrary(Callee)) {
      // An element of a container of the standard library (front(), at()).
      Result.add(valueOf(MemberCall->getImplicitObjectArgument(), Depth + 1));
    } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
               Operator && Callee && isLibrary(Callee) && Operator->getNumArgs() > 0 &&
               (Operator->getOperator() == OO_Subscript || Operator->getOperator() == OO_Star ||
                Operator->getOperator() == OO_Arrow)) {
      Result.add(valueOf(Operator->getArg(0), Depth + 1));
    } else if (Callee) {
      const FunctionDecl *Definition = nullptr;
      if (Callee->hasBody(Definition) && Definition)
        Result.Places.push_back({Definition->getCanonicalDecl(), true});
    }
  }
  return Result;
}

/// Walks the bodies of user code once and records every copy of a callable
/// into a place.
class CallableFlow::Builder : public RecursiveASTVisitor<Builder> {
public:
  explicit Builder(CallableFlow &Flow) : Flow(Flow) {}

  bool shouldVisitLambdaBody() const { return true; }

  void function(const FunctionDecl *Definition) {
    Functions.push_back(Definition);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        if (Init->isAnyMemberInitializer() && Init->getAnyMember())
          copy(Flow.valueOf(Init->getInit()), Init->getAnyMember());
        TraverseStmt(Init->getInit());
      }
    TraverseStmt(Definition->getBody());
    Functions.pop_back();
  }

  void field(const FieldDecl *Field) {
    if (const Expr *Init = Field->getInClassInitializer()) {
      copy(Flow.valueOf(Init), Field);
      TraverseStmt(const_cast<Expr *>(Init));
    }
  }

  void variable(const VarDecl *Var) {
    if (const Expr *Init = Var->getInit())
      copy(Flow.valueOf(Init), Var);
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    Functions.push_back(Lambda->getCallOperator());
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(Lambda);
    Functions.pop_back();
    return Result;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (!isa<ParmVarDecl>(Var))
      variable(Var);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Binary) {
    if (Binary->getOpcode() == BO_Assign)
      assign(Binary->getLHS(), Binary->getRHS());
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *Return) {
    if (!Functions.empty() && Return->getRetValue())
      copy(Flow.valueOf(Return->getRetValue()), Functions.back(), /*ReturnOf=*/true);
    return true;
  }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *Loop) {
    if (Loop->getLoopVariable() && Loop->getRangeInit())
      copy(Flow.valueOf(Loop->getRangeInit()), Loop->getLoopVariable());
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (Call->containsErrors())
      return true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (Operator->getOperator() == OO_Equal && Args.size() == 2) {
        assign(Args[0], Args[1]);
        return true;
      }
      if (isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty())
        Args = Args.drop_front();
    }
    if (!Callee)
      return true;
    const FunctionDecl *Definition = nullptr;
    if (!isLibrary(Callee) && Callee->hasBody(Definition) && Definition) {
      arguments(Args, Definition);
      return true;
    }
    // A non-const method of a standard container stores what it is given.
    if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call)) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      if (Method && !Method->isConst() && isLibrary(Method)) {
        Value Stored;
        for (const Expr *Argument : Args)
          Stored.add(Flow.valueOf(Argument));
        for (const auto &Place : Flow.valueOf(MemberCall->getImplicitObjectArgument()).Places)
          copy(Stored, Place.first, Place.second);
      }
    }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    const FunctionDecl *Definition = nullptr;
    if (Ctor && isUserCode(Ctor) && Ctor->hasBody(Definition) && Definition)
      arguments(llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs()), Definition);
    return true;
  }

private:
  void arguments(llvm::ArrayRef<const Expr *> Args, const FunctionDecl *Definition) {
    for (unsigned I = 0; I < Args.size() && I < Definition->getNumParams(); ++I)
      copy(Flow.valueOf(Args[I]), Definition->getParamDecl(I));
  }

  void assign(const Expr *Target, const Expr *Source) {
    Value From = Flow.valueOf(Source);
    if (From.Targets.empty() && From.Places.empty())
      return;
    for (const auto &Place : Flow.valueOf(Target).Places)
      copy(From, Place.first, Place.second);
  }

  void copy(const Value &From, const Decl *To, bool ReturnOf = false) {
    if (From.Targets.empty() && From.Places.empty())
      return;
    if (const auto *Var = dyn_cast<VarDecl>(To))
      To = Var->getCanonicalDecl();
    else if (const auto *Field = dyn_cast<FieldDecl>(To))
      To = Field->getCanonicalDecl();
    else if (const auto *Function = dyn_cast<FunctionDecl>(To))
      To = Function->getCanonicalDecl();
    unsigned Target = Flow.placeOf(To, ReturnOf);
    for (const FunctionDecl *Function : From.Targets)
      Flow.Holds[Target].push_back(Function);
    for (const auto &Place : From.Places) {
      unsigned Source = Flow.placeOf(Place.first, Place.second);
      if (Source != Target)
        Flow.CopiedInto[Source].push_back(Target);
    }
  }

  CallableFlow &Flow;
  llvm::SmallVector<const FunctionDecl *, 4> Functions;
};

unsigned CallableFlow::placeOf(const Decl *D, bool ReturnOf) {
  auto [It, Inserted] = Places.try_emplace({D, ReturnOf}, Holds.size());
  if (Inserted) {
    Holds.emplace_back();
    CopiedInto.emplace_back();
  }
  return It->second;
}

std::optional<unsigned> CallableFlow::existingPlace(const Decl *D, bool ReturnOf) const {
  auto It = Places.find({D, ReturnOf});
  if (It == Places.end())
    return std::nullopt;
  return It->second;
}

void CallableFlow::build() {
  if (Built)
    return;
  Built = true;
  Builder Walker(*this);
  ASTContext &Context = Graph.context();
  forEachUserDecl(Context.getTranslationUnitDecl(), Context.getSourceManager(), [&](const Decl *D) {
    if (const auto *Function = dyn_cast<FunctionDecl>(D)) {
      if (Function->doesThisDeclarationHaveABody() && !Function->isInvalidDecl())
        Walker.function(Function);
    } else if (const auto *Field = dyn_cast<FieldDecl>(D)) {
      Walker.field(Field);
    } else if (const auto *Var = dyn_cast<VarDecl>(D)) {
      Walker.variable(Var);
    }
  });

  // Propagate along the copies until nothing changes; each place's set only
  // grows, and is bounded by the callables of the TU.
  std::vector<llvm::SmallSetVector<const FunctionDecl *, 2>> Sets(Holds.size());
  std::vector<unsigned> Worklist;
  for (unsigned Place = 0; Place < Holds.size(); ++Place) {
    Sets[Place].insert(Holds[Place].begin(), Holds[Place].end());
    if (!Sets[Place].empty())
      Worklist.push_back(Place);
  }
  while (!Worklist.empty()) {
    unsigned Place = Worklist.back();
    Worklist.pop_back();
    for (unsigned Into : CopiedInto[Place]) {
      bool Changed = false;
      for (const FunctionDecl *Function : Sets[Place])
        Changed |= Sets[Into].insert(Function);
      if (Changed)
        Worklist.push_back(Into);
    }
  }
  for (unsigned Place = 0; Place < Holds.size(); ++Place)
    Holds[Place].assign(Sets[Place].begin(), Sets[Place].end());
}

CallableTargets CallableFlow::targetsOf(const Expr *E) {
  build();
  Value V = valueOf(E);
  CallableTargets Result = V.Targets;
  for (const auto &Place : V.Places)
    if (std::optional<unsigned> Index = existingPlace(Place.first, Place.second))
      Result.append(Holds[*Index].begin(), Holds[*Index].end());
  // Once each, in a stable order.
  llvm::SmallPtrSet<const FunctionDecl *, 4> Seen;
  CallableTargets Unique;
  for (const FunctionDecl *Function : Result)
    if (Seen.insert(Function->getCanonicalDecl()).second)
      Unique.push_back(Function);
  return Unique;
}

} // namespace vss
