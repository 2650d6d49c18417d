//===--- Nullness.cpp - Where a pointer parameter is used before a null check ===//

#include "Nullness.h"
#include "CallGraph.h"
#include "ValueRange.h"
#include "VssApiModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>

using namespace clang;

namespace vss {
namespace {

/// What is known of the parameter where a block starts. Ordered for the join:
/// where paths meet, the less known wins.
enum class Nullness : uint8_t { Unreached, NotNull, MaybeNull };

class NullnessDataflow {
public:
  NullnessDataflow(const FunctionDecl *Function, const ParmVarDecl *Param, ASTContext &Context,
                   std::vector<UncheckedUse> &Out)
      : Function(Function), Param(Param), Context(Context), Out(Out) {}

  void run() {
    CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    // Calls inside a try block reach its handlers: a catch block sees the
    // state of the calls that can throw into it.
    Options.AddEHEdges = true;
    std::unique_ptr<CFG> Graph = CFG::buildCFG(Function, Function->getBody(), &Context, Options);
    if (!Graph)
      return;
    const unsigned Count = Graph->getNumBlockIDs();
    std::vector<Nullness> In(Count, Nullness::Unreached), OutState(Count, Nullness::Unreached);
    std::vector<bool> Done(Count, false);
    PostOrderCFGView Order(Graph.get());
    ForwardDataflowWorklist Worklist(*Graph, &Order);
    In[Graph->getEntry().getBlockID()] = Nullness::MaybeNull;
    Worklist.enqueueBlock(&Graph->getEntry());
    // Three states, joined upward: a block changes at most twice.
    while (const CFGBlock *Block = Worklist.dequeue()) {
      unsigned ID = Block->getBlockID();
      Nullness State = transfer(*Block, In[ID], /*Record=*/false);
      if (Done[ID] && State == OutState[ID])
        continue;
      Done[ID] = true;
      OutState[ID] = State;
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
        const CFGBlock *Target = Succ.getReachableBlock();
        Nullness Edge = State;
        if (Edge == Nullness::MaybeNull && Block->succ_size() == 2)
          if (const Expr *Condition = Block->getLastCondition();
              Condition && notNullWhen(Condition, /*Taken=*/Index == 0))
            Edge = Nullness::NotNull;
        ++Index;
        if (!Target)
          continue;
        Nullness &Into = In[Target->getBlockID()];
        if (Edge > Into || !Done[Target->getBlockID()]) {
          Into = std::max(Into, Edge);
          Worklist.enqueueBlock(Target);
        }
      }
    }
    for (const CFGBlock *Block : *Graph)
      if (Done[Block->getBlockID()])
        transfer(*Block, In[Block->getBlockID()], /*Record=*/true);
    const SourceManager &SM = Context.getSourceManager();
    llvm::sort(Out, [&](const UncheckedUse &A, const UncheckedUse &B) {
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
  }

private:
  bool isParam(const Expr *E) const {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? stripCasts(E) : nullptr);
    return Ref && Ref->getDecl() == Param;
  }

  /// True when \p Condition evaluating to \p Taken means the parameter is
  /// not null.
  bool notNullWhen(const Expr *Condition, bool Taken) const {
    const Expr *E = stripCasts(Condition);
    if (isParam(E))
      return Taken;
    if (const auto *Unary = dyn_cast<UnaryOperator>(E))
      return Unary->getOpcode() == UO_LNot && notNullWhen(Unary->getSubExpr(), !Taken);
    if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
      switch (Binary->getOpcode()) {
      case BO_LAnd:
        return Taken &&
               (notNullWhen(Binary->getLHS(), true) || notNullWhen(Binary->getRHS(), true));
      case BO_LOr:
        return !Taken &&
               (notNullWhen(Binary->getLHS(), false) || notNullWhen(Binary->getRHS(), false));
      case BO_EQ:
      case BO_NE: {
        auto IsNull = [&](const Expr *Side) {
          // (IVssWriterComponents *)NULL too: the cast is not what is compared.
          return stripCasts(Side)->isNullPointerConstant(
                     Context, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
        };
        bool Compared = (isParam(Binary->getLHS()) && IsNull(Binary->getRHS())) ||
                        (isParam(Binary->getRHS()) && IsNull(Binary->getLHS()));
        return Compared && (Binary->getOpcode() == BO_NE) == Taken;
      }
      default:
        return false;
      }
    }
    // VSS passes null components only when the requester selected none.
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return Taken && VssApiModel::get().isComponentsSelectedQuery(Call->getDirectCallee());
    return false;
  }

  Nullness transfer(const CFGBlock &Block, Nullness State, bool Record) {
    for (const CFGElement &Element : Block) {
      if (State != Nullness::MaybeNull)
        return State;
      auto S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      const Stmt *Statement = S->getStmt();
      if (isDereference(Statement)) {
        if (Record)
          Out.push_back({UncheckedUse::Dereference, cast<Expr>(Statement),
                         fileLoc(cast<Expr>(Statement)->getBeginLoc())});
        // Reported once: past it, the path either crashed or had a pointer.
        State = Nullness::NotNull;
      } else if (const auto *Call = dyn_cast<CallExpr>(Statement)) {
        if (Record)
          recordPassedOn(Call);
      } else if (const auto *Binary = dyn_cast<BinaryOperator>(Statement)) {
        if (Binary->isAssignmentOp() && isParam(Binary->getLHS()))
          State = Nullness::NotNull; // Not followed past a new value.
      } else if (const auto *Unary = dyn_cast<UnaryOperator>(Statement)) {
        if (Unary->getOpcode() == UO_AddrOf && isParam(Unary->getSubExpr()))
          State = Nullness::NotNull; // Written through its address: not followed.
      }
    }
    return State;
  }

  bool isDereference(const Stmt *S) const {
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      return Member->isArrow() && isParam(Member->getBase());
    if (const auto *Unary = dyn_cast<UnaryOperator>(S))
      return Unary->getOpcode() == UO_Deref && isParam(Unary->getSubExpr());
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(S))
      return isParam(Subscript->getBase());
    return false;
  }

  void recordPassedOn(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Definition = nullptr;
    if (!Callee || Call->containsErrors() || !Callee->hasBody(Definition) || !Definition ||
        Definition->isInvalidDecl() || VssApiModel::get().isApiFunction(Definition))
      return;
    // The user's functions, not those of the SDK, ATL or the C++ library.
    const SourceManager &SM = Context.getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation())))
      return;
    unsigned Offset = objectArguments(Call);
    for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
      unsigned ParamIndex = I - Offset;
      if (ParamIndex >= Definition->getNumParams() || !isParam(Call->getArg(I)))
        continue;
      const ParmVarDecl *Target = Definition->getParamDecl(ParamIndex);
      if (!Target->getType().getNonReferenceType()->isPointerType())
        continue;
      Out.push_back({UncheckedUse::PassedOn, Call, fileLoc(Call->getArg(I)->getBeginLoc()),
                     Definition, Target});
    }
  }

  SourceLocation fileLoc(SourceLocation Loc) const {
    return Context.getSourceManager().getFileLoc(Loc);
  }

  const FunctionDecl *Function;
  const ParmVarDecl *Param;
  ASTContext &Context;
  std::vector<UncheckedUse> &Out;
};

} // namespace

llvm::ArrayRef<UncheckedUse> NullnessAnalysis::uncheckedUses(const FunctionDecl *Function,
                                                             const ParmVarDecl *Parameter) {
  auto [Found, Inserted] = Uses.try_emplace(Parameter);
  if (Inserted && Function && Function->getBody() && !Function->isDependentContext() &&
      !Function->isInvalidDecl())
    NullnessDataflow(Function, Parameter, Context, Found->second).run();
  return Found->second;
}

} // namespace vss
