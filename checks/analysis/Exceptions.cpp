//===--- Exceptions.cpp - Where a function can throw, and what catches it -===//

#include "Exceptions.h"
#include "Names.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

using namespace clang;

namespace vss {

namespace {

/// The variable or member \p E names, if it is one.
const ValueDecl *namedValue(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

/// Collects the throw points of one body, and the tests for null of the
/// values a throwing new was stored in.
class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext &Context, std::vector<ThrowPoint> &Points)
      : Context(Context), Points(Points) {}

  // The handler a rethrow is in tells what it rethrows.
  bool TraverseCXXCatchStmt(CXXCatchStmt *Catch) {
    Handlers.push_back(Catch);
    bool Result = RecursiveASTVisitor::TraverseCXXCatchStmt(Catch);
    Handlers.pop_back();
    return Result;
  }

  // Only a body with a try block needs to know what encloses a statement.
  bool VisitCXXTryStmt(CXXTryStmt *) {
    HasTry = true;
    return true;
  }
  bool HasTry = false;

  // Lambdas and local classes are functions of their own.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  bool VisitCXXThrowExpr(CXXThrowExpr *Throw) {
    ThrowPoint Point;
    Point.Where = Throw;
    Point.Loc = Throw->getThrowLoc();
    if (const Expr *Operand = Throw->getSubExpr()) {
      Point.Kind = ThrowPoint::Throw;
      Point.Type = Operand->getType().getUnqualifiedType();
    } else {
      // What the innermost handler caught, as a value of its type; unknown
      // (caught only by catch (...)) in catch (...) or outside a handler.
      Point.Kind = ThrowPoint::Rethrow;
      if (!Handlers.empty() && Handlers.back()->getExceptionDecl())
        Point.Type = Handlers.back()->getCaughtType().getNonReferenceType().getUnqualifiedType();
    }
    Points.push_back(std::move(Point));
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const ThrowingCallSpec *Spec = VssApiModel::get().throwingCall(Callee);
    // An overload declared not to throw (std::any_cast of a pointer returns
    // null), or substr from position 0, which is never out of range.
    if (!Spec || ExceptionAnalysis::isNoexcept(Callee))
      return true;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
        Member && Callee->getName() == "substr" && Member->getNumArgs() > 0)
      if (std::optional<llvm::APSInt> Position = Member->getArg(0)->getIntegerConstantExpr(Context);
          Position && *Position == 0)
        return true;
    ThrowPoint Point;
    Point.Kind = ThrowPoint::ThrowingCall;
    Point.Where = Call;
    Point.Loc = Call->getExprLoc();
    if (const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts()))
      Point.Loc = Member->getMemberLoc();
    Point.Spec = Spec;
    Point.CalleeName = Spec->Name.str();
    Points.push_back(std::move(Point));
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *New) {
    if (!New->getOperatorNew())
      return true;
    // new (std::nothrow) and placement new are declared not to throw.
    const auto *Type = New->getOperatorNew()->getType()->getAs<FunctionProtoType>();
    if (!Type || Type->isNothrow())
      return true;
    if (!llvm::any_of(Allocations, [&](const auto &A) { return A.first == New; }))
      Allocations.push_back({New, nullptr});
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (const Expr *Init = Var->getInit())
      noteAllocation(Init, Var);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_Assign) {
      if (const ValueDecl *Target = namedValue(Op->getLHS()))
        noteAllocation(Op->getRHS(), Target);
      return true;
    }
    if (Op->getOpcode() != BO_EQ && Op->getOpcode() != BO_NE)
      return true;
    for (auto [Side, Other] : {std::pair(Op->getLHS(), Op->getRHS()), {Op->getRHS(), Op->getLHS()}})
      if (const ValueDecl *Tested = namedValue(Side))
        if (Other->isNullPointerConstant(Context, Expr::NPC_ValueDependentIsNotNull))
          NullTests.push_back({Tested, Op});
    return true;
  }

  // "if (!p)", "if (p)", "p ? ... : ...": a pointer converted to bool.
  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_PointerToBoolean)
      if (const ValueDecl *Tested = namedValue(Cast->getSubExpr()))
        NullTests.push_back({Tested, Cast});
    return true;
  }

  /// Adds an allocation point for each throwing new whose value a later
  /// statement tests for null.
  void finish(llvm::function_ref<const ParentMap &()> Parents) {
    const SourceManager &SM = Context.getSourceManager();
    for (const auto &[New, Target] : Allocations) {
      ThrowPoint Point;
      Point.Kind = ThrowPoint::Allocation;
      Point.Where = New;
      Point.Loc = New->getBeginLoc();
      Point.Spec = &VssApiModel::get().allocation();
      for (const auto &[Tested, Test] : NullTests)
        if (Target && Tested == Target &&
            SM.isBeforeInTranslationUnit(New->getBeginLoc(), Test->getBeginLoc()) &&
            !guardsDeleteOnly(Parents(), Test, Target)) {
          Point.Kind = ThrowPoint::CheckedAllocation;
          Point.NullCheck = Test;
          break;
        }
      Points.push_back(std::move(Point));
    }
    llvm::sort(Points, [&](const ThrowPoint &A, const ThrowPoint &B) {
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
  }

private:
  /// True for the test of "if (p) delete p;": cleanup, not a test of the
  /// allocation's result.
  static bool guardsDeleteOnly(const ParentMap &Parents, const Stmt *Test,
                               const ValueDecl *Target) {
    const Stmt *Child = Test;
    const Stmt *Parent = Parents.getParent(Test);
    while (Parent && isa<Expr>(Parent) && !isa<StmtExpr>(Parent)) {
      Child = Parent;
      Parent = Parents.getParent(Parent);
    }
    const auto *If = dyn_cast_or_null<IfStmt>(Parent);
    if (!If || If->getCond() != Child || If->getElse())
      return false;
    const Stmt *Then = If->getThen();
    if (const auto *Block = dyn_cast<CompoundStmt>(Then); Block && Block->size() >= 1)
      Then = Block->body_front();
    const auto *Delete = dyn_cast<CXXDeleteExpr>(Then);
    return Delete && namedValue(Delete->getArgument()) == Target;
  }

  /// Where a new's value is stored: the variable or member tested later.
  /// (The declaration or assignment is visited before the new inside it.)
  void noteAllocation(const Expr *Value, const ValueDecl *Target) {
    const auto *New = dyn_cast<CXXNewExpr>(Value->IgnoreParenImpCasts());
    if (!New || !New->getOperatorNew())
      return;
    const auto *Type = New->getOperatorNew()->getType()->getAs<FunctionProtoType>();
    if (!Type || Type->isNothrow())
      return;
    Allocations.push_back({New, Target});
  }

  ASTContext &Context;
  std::vector<ThrowPoint> &Points;
  std::vector<const CXXCatchStmt *> Handlers;
  std::vector<std::pair<const CXXNewExpr *, const ValueDecl *>> Allocations;
  std::vector<std::pair<const ValueDecl *, const Stmt *>> NullTests;
};

/// The class a handler or a thrown value is about: the pointee or referee
/// of a pointer or reference, unqualified.
QualType classOf(QualType Type) {
  Type = Type.getNonReferenceType();
  if (const auto *Pointer = Type->getAs<PointerType>())
    Type = Pointer->getPointeeType();
  return Type.getCanonicalType().getUnqualifiedType();
}

} // namespace

ExceptionAnalysis::PerFunction &ExceptionAnalysis::of(const FunctionDecl *Function) {
  std::unique_ptr<PerFunction> &Slot = Functions[Function->getCanonicalDecl()];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<PerFunction>();
  const FunctionDecl *Definition = nullptr;
  if (Function->hasBody(Definition) && Definition && Definition->getBody()) {
    Slot->Body = Definition->getBody();
    Collector Collect(Context, Slot->Points);
    Collect.TraverseStmt(Slot->Body);
    Slot->HasTry = Collect.HasTry;
    PerFunction &Known = *Slot;
    Collect.finish([&]() -> const ParentMap & { return parentsOf(Known); });
  }
  return *Slot;
}

const ParentMap &ExceptionAnalysis::parentsOf(PerFunction &Known) {
  // Built on first use: most bodies have no try block and store no new.
  if (!Known.Parents)
    Known.Parents = std::make_unique<ParentMap>(Known.Body);
  return *Known.Parents;
}

llvm::ArrayRef<ThrowPoint> ExceptionAnalysis::throwPoints(const FunctionDecl *Function) {
  return of(Function).Points;
}

template <typename Visit>
bool ExceptionAnalysis::anyEnclosingHandler(const FunctionDecl *Function, const Stmt *At,
                                            Visit &&Matches) {
  PerFunction &Known = of(Function);
  if (!Known.HasTry || !Known.Body || !At)
    return false;
  const ParentMap &Parents = parentsOf(Known);
  for (const Stmt *Child = At, *Parent = Parents.getParent(At); Parent;
       Child = Parent, Parent = Parents.getParent(Parent))
    if (const auto *Try = dyn_cast<CXXTryStmt>(Parent); Try && Try->getTryBlock() == Child)
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        if (Matches(Try->getHandler(I)))
          return true;
  return false;
}

bool ExceptionAnalysis::isCaughtWhatever(const FunctionDecl *Function, const Stmt *At) {
  return anyEnclosingHandler(
      Function, At, [](const CXXCatchStmt *Handler) { return !Handler->getExceptionDecl(); });
}

bool ExceptionAnalysis::isCaught(const FunctionDecl *Function, const Stmt *At,
                                 const ThrowPoint &Point) {
  return anyEnclosingHandler(Function, At, [&](const CXXCatchStmt *Handler) {
    if (!Handler->getExceptionDecl())
      return true;
    QualType Caught = classOf(Handler->getCaughtType());
    const CXXRecordDecl *CaughtClass = Caught->getAsCXXRecordDecl();
    bool PointerHandler = Handler->getCaughtType().getNonReferenceType()->isPointerType();
    switch (Point.Kind) {
    case ThrowPoint::Rethrow:
      if (Point.Type.isNull())
        return false;
      [[fallthrough]];
    case ThrowPoint::Throw:
      break;
    case ThrowPoint::ThrowingCall:
    case ThrowPoint::CheckedAllocation:
    case ThrowPoint::Allocation:
      return CaughtClass && !PointerHandler &&
             VssApiModel::get().catchesStandardException(sourceQualifiedName(CaughtClass),
                                                         Point.Spec->Exception);
    }
    if (Point.Type->isDependentType() || Caught->isDependentType())
      return true; // Not known: assume it matches rather than report.
    // A pointer is caught by a handler of a pointer, a value by a handler of
    // the value or a reference.
    if (Point.Type->isPointerType() != PointerHandler)
      return false;
    QualType Thrown = classOf(Point.Type);
    if (Context.hasSameUnqualifiedType(Thrown, Caught))
      return true;
    const CXXRecordDecl *ThrownClass = Thrown->getAsCXXRecordDecl();
    return ThrownClass && CaughtClass && ThrownClass->hasDefinition() &&
           ThrownClass->isDerivedFrom(CaughtClass);
  });
}

std::vector<std::string> ExceptionAnalysis::handlersAround(const FunctionDecl *Function,
                                                           const Stmt *At) {
  std::vector<std::string> Names;
  anyEnclosingHandler(Function, At, [&](const CXXCatchStmt *Handler) {
    if (!Handler->getExceptionDecl()) {
      Names.push_back("...");
    } else {
      QualType Caught = classOf(Handler->getCaughtType());
      std::string Pointer =
          Handler->getCaughtType().getNonReferenceType()->isPointerType() ? "*" : "";
      if (const CXXRecordDecl *Class = Caught->getAsCXXRecordDecl())
        Names.push_back(sourceQualifiedName(Class) + Pointer);
      else
        Names.push_back(Caught.getAsString() + Pointer);
    }
    return false;
  });
  return Names;
}

/// True when a handler of the class or type named \p Name catches the value
/// \p Point throws (the same class, or one of its bases).
static bool throwMatchesName(const ThrowPoint &Point, llvm::StringRef Name) {
  QualType Thrown = classOf(Point.Type);
  const CXXRecordDecl *Class = Thrown->getAsCXXRecordDecl();
  if (!Class)
    return Thrown.getAsString() == Name;
  if (sourceQualifiedName(Class) == Name)
    return true;
  bool Found = false;
  if (Class->hasDefinition())
    Class->forallBases([&](const CXXRecordDecl *Base) {
      Found |= sourceQualifiedName(Base) == Name;
      return true;
    });
  return Found;
}

bool ExceptionAnalysis::caughtByNames(llvm::ArrayRef<std::string> Handlers,
                                      const ThrowPoint &Point) {
  for (const std::string &Name : Handlers) {
    if (Name == "...")
      return true;
    switch (Point.Kind) {
    case ThrowPoint::Rethrow:
      if (Point.Type.isNull())
        break;
      [[fallthrough]];
    case ThrowPoint::Throw:
      if (Point.Type->isPointerType() != llvm::StringRef(Name).ends_with("*"))
        break;
      if (throwMatchesName(Point, llvm::StringRef(Name).rtrim('*')))
        return true;
      break;
    case ThrowPoint::ThrowingCall:
    case ThrowPoint::CheckedAllocation:
    case ThrowPoint::Allocation:
      if (!llvm::StringRef(Name).ends_with("*") &&
          VssApiModel::get().catchesStandardException(Name, Point.Spec->Exception))
        return true;
      break;
    }
  }
  return false;
}

bool ExceptionAnalysis::isNoexcept(const FunctionDecl *Function) {
  const auto *Type = Function->getType()->getAs<FunctionProtoType>();
  if (!Type)
    return false;
  // Not computed yet (a destructor or defaulted member Sema never needed):
  // asking would be an error; destructors are noexcept unless declared not.
  if (isUnresolvedExceptionSpec(Type->getExceptionSpecType()))
    return isa<CXXDestructorDecl>(Function);
  return Type->isNothrow();
}

std::string ExceptionAnalysis::exceptionName(const ThrowPoint &Point) {
  if (Point.Spec)
    return Point.Spec->Exception.str();
  if (Point.Kind == ThrowPoint::Rethrow && Point.Type.isNull())
    return "the exception being handled";
  PrintingPolicy Policy{LangOptions()};
  Policy.SuppressTagKeyword = true;
  return Point.Type.getAsString(Policy);
}

} // namespace vss
