//===--- ConstantGuards.cpp - Branches decided by values known on the path -===//

#include "ConstantGuards.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <deque>

using namespace clang;

namespace vss {
namespace {

/// Calls of functions are evaluated this deep, and one question takes at
/// most this many steps: the evaluation stays cheap whatever the code.
constexpr unsigned MaxDepth = 8;
constexpr unsigned StepsPerQuestion = 4096;

} // namespace

struct GuardEvaluator::FunctionCFG {
  std::unique_ptr<CFG> Graph;
  /// Parameters that are only read: what a call binds them to stays true.
  llvm::SmallPtrSet<const ParmVarDecl *, 4> Stable;
  /// True when some branch of the function could be decided at all.
  bool HasBranches = false;
};

GuardEvaluator::GuardEvaluator(ASTContext &Context) : Context(Context) {}
GuardEvaluator::~GuardEvaluator() = default;

GuardEvaluator::FunctionCFG *GuardEvaluator::cfgOf(const FunctionDecl *Function) {
  auto [It, Inserted] = CFGs.try_emplace(Function->getCanonicalDecl());
  if (!Inserted)
    return It->second.get();
  const FunctionDecl *Definition = nullptr;
  if (!Function->hasBody(Definition) || !Definition || Definition->isInvalidDecl() ||
      Definition->isDependentContext())
    return nullptr;
  auto Result = std::make_unique<FunctionCFG>();
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Result->Graph = CFG::buildCFG(Definition, Definition->getBody(), &Context, Options);
  if (!Result->Graph)
    return nullptr;
  llvm::DenseSet<const Expr *> Reads;
  llvm::SmallVector<const DeclRefExpr *, 8> ParamUses;
  for (const CFGBlock *Block : *Result->Graph) {
    if (Block->succ_size() > 1)
      Result->HasBranches = true;
    for (const CFGElement &Element : *Block) {
      auto S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S->getStmt());
          Cast && Cast->getCastKind() == CK_LValueToRValue)
        Reads.insert(Cast->getSubExpr()->IgnoreParens());
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S->getStmt()))
        if (isa<ParmVarDecl>(Ref->getDecl()))
          ParamUses.push_back(Ref);
    }
  }
  for (const ParmVarDecl *Param : Definition->parameters())
    Result->Stable.insert(Param);
  for (const DeclRefExpr *Use : ParamUses)
    if (!Reads.count(Use))
      Result->Stable.erase(cast<ParmVarDecl>(Use->getDecl()));
  It->second = std::move(Result);
  return It->second.get();
}

llvm::ArrayRef<unsigned> GuardEvaluator::relevantParameters(const FunctionDecl *Function) {
  auto [It, Inserted] = Relevant.try_emplace(Function->getCanonicalDecl());
  if (!Inserted)
    return It->second;
  // Only an integer or enumeration parameter can decide a branch: a function
  // without one needs no graph (most callees a traversal enters).
  if (llvm::none_of(Function->parameters(), [](const ParmVarDecl *Param) {
        return Param->getType()->isIntegralOrEnumerationType();
      }))
    return It->second;
  FunctionCFG *Graph = cfgOf(Function);
  const FunctionDecl *Definition = nullptr;
  llvm::SmallVector<unsigned, 2> Found;
  if (Graph && Function->hasBody(Definition) && Definition) {
    llvm::SmallPtrSet<const ParmVarDecl *, 4> Used;
    auto CollectParams = [&](const Stmt *Root) {
      llvm::SmallVector<const Stmt *, 16> Worklist{Root};
      while (!Worklist.empty()) {
        const Stmt *S = Worklist.pop_back_val();
        if (!S)
          continue;
        if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
          if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl()))
            Used.insert(Param);
        for (const Stmt *Child : S->children())
          Worklist.push_back(Child);
      }
    };
    for (const CFGBlock *Block : *Graph->Graph) {
      if (Block->succ_size() > 1) {
        if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(Block->getTerminatorStmt()))
          CollectParams(Switch->getCond());
        else if (const Expr *Condition = Block->getLastCondition())
          CollectParams(Condition);
      }
      for (const CFGElement &Element : *Block)
        if (auto S = Element.getAs<CFGStmt>())
          if (const auto *Call = dyn_cast<CallExpr>(S->getStmt()))
            if (const FunctionDecl *Callee = Call->getDirectCallee(); Callee && Callee->hasBody())
              for (const Expr *Argument : Call->arguments())
                if (const auto *Ref = dyn_cast<DeclRefExpr>(Argument->IgnoreParenImpCasts()))
                  if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl()))
                    Used.insert(Param);
    }
    for (const ParmVarDecl *Param : Definition->parameters())
      if (Used.count(Param) && Graph->Stable.count(Param) &&
          Param->getType()->isIntegralOrEnumerationType())
        Found.push_back(Param->getFunctionScopeIndex());
  }
  auto &Slot = Relevant[Function->getCanonicalDecl()];
  Slot.assign(Found.begin(), Found.end());
  return Slot;
}

std::optional<int64_t> GuardEvaluator::evaluate(const Expr *E, const FunctionDecl *Function,
                                                const ParameterValues &Values) {
  Budget = StepsPerQuestion;
  return evaluate(E, Function, Values, 0);
}

std::optional<int64_t> GuardEvaluator::evaluate(const Expr *E, const FunctionDecl *Function,
                                                const ParameterValues &Values, unsigned Depth) {
  if (!E || Budget == 0 || E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return std::nullopt;
  --Budget;
  Expr::EvalResult Constant;
  if (E->EvaluateAsInt(Constant, Context)) {
    const llvm::APSInt &Value = Constant.Val.getInt();
    if (Value.getSignificantBits() <= 64)
      return Value.getExtValue();
    return std::nullopt;
  }
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (!Cast->getType()->isIntegralOrEnumerationType() ||
        !Cast->getSubExpr()->getType()->isIntegralOrEnumerationType())
      return std::nullopt;
    std::optional<int64_t> Value = evaluate(Cast->getSubExpr(), Function, Values, Depth);
    if (Value && Cast->getType()->isBooleanType())
      return *Value != 0;
    return Value;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
    FunctionCFG *Graph = Param ? cfgOf(Function) : nullptr;
    if (!Graph || !Graph->Stable.count(Param))
      return std::nullopt;
    for (const auto &[Index, Value] : Values)
      if (Index == Param->getFunctionScopeIndex())
        return Value;
    return std::nullopt;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    std::optional<int64_t> Value = evaluate(Unary->getSubExpr(), Function, Values, Depth);
    if (!Value)
      return std::nullopt;
    switch (Unary->getOpcode()) {
    case UO_LNot:
      return *Value == 0;
    case UO_Minus:
      return -*Value;
    case UO_Plus:
      return *Value;
    case UO_Not:
      return ~*Value;
    default:
      return std::nullopt;
    }
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    BinaryOperatorKind Op = Binary->getOpcode();
    std::optional<int64_t> Left = evaluate(Binary->getLHS(), Function, Values, Depth);
    if (Op == BO_LAnd || Op == BO_LOr) {
      if (Left && ((Op == BO_LAnd && *Left == 0) || (Op == BO_LOr && *Left != 0)))
        return Op == BO_LOr;
      std::optional<int64_t> Right = evaluate(Binary->getRHS(), Function, Values, Depth);
      if (Right && ((Op == BO_LAnd && *Right == 0) || (Op == BO_LOr && *Right != 0)))
        return Op == BO_LOr;
      if (Left && Right)
        return Op == BO_LAnd;
      return std::nullopt;
    }
    std::optional<int64_t> Right = evaluate(Binary->getRHS(), Function, Values, Depth);
    if (!Left || !Right)
      return std::nullopt;
    switch (Op) {
    case BO_EQ:
      return *Left == *Right;
    case BO_NE:
      return *Left != *Right;
    case BO_LT:
      return *Left < *Right;
    case BO_LE:
      return *Left <= *Right;
    case BO_GT:
      return *Left > *Right;
    case BO_GE:
      return *Left >= *Right;
    case BO_And:
      return *Left & *Right;
    case BO_Or:
      return *Left | *Right;
    case BO_Xor:
      return *Left ^ *Right;
    case BO_Add:
      return *Left + *Right;
    case BO_Sub:
      return *Left - *Right;
    case BO_Mul:
      return *Left * *Right;
    default:
      return std::nullopt;
    }
  }
  if (const auto *Conditional = dyn_cast<ConditionalOperator>(E)) {
    std::optional<int64_t> Condition = evaluate(Conditional->getCond(), Function, Values, Depth);
    if (!Condition)
      return std::nullopt;
    return evaluate(*Condition ? Conditional->getTrueExpr() : Conditional->getFalseExpr(), Function,
                    Values, Depth);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Depth >= MaxDepth || isa<CXXOperatorCallExpr>(Call))
      return std::nullopt;
    // A virtual call may run an override with another answer.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const auto *Method = Member->getMethodDecl(); Method && Method->isVirtual())
        if (const auto *MemberCallee = dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
            MemberCallee && MemberCallee->performsVirtualDispatch(Context.getLangOpts()))
          return std::nullopt;
    ParameterValues Arguments;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
      if (std::optional<int64_t> Value = evaluate(Call->getArg(I), Function, Values, Depth))
        Arguments.push_back({I, *Value});
    return returnValue(Callee, Arguments, Depth + 1);
  }
  return std::nullopt;
}

std::optional<int64_t> GuardEvaluator::returnValue(const FunctionDecl *Function,
                                                   const ParameterValues &Values, unsigned Depth) {
  Function = Function->getCanonicalDecl();
  auto Key = std::make_pair(Function, Values);
  auto Known = Returns.find(Key);
  if (Known != Returns.end())
    return Known->second;
  Returns[Key] = std::nullopt; // Recursion: unknown.
  FunctionCFG *Graph = cfgOf(Function);
  if (!Graph)
    return std::nullopt;
  const FunctionDecl *Definition = nullptr;
  Function->hasBody(Definition);
  llvm::BitVector Live = liveBlocks(*Graph, Definition, Values, Depth);
  std::optional<int64_t> Result;
  bool Decided = true;
  for (const CFGBlock *Block : *Graph->Graph) {
    if (!Live[Block->getBlockID()] || !Decided)
      continue;
    for (const CFGElement &Element : *Block) {
      auto S = Element.getAs<CFGStmt>();
      const auto *Return = S ? dyn_cast<ReturnStmt>(S->getStmt()) : nullptr;
      if (!Return)
        continue;
      std::optional<int64_t> Value = evaluate(Return->getRetValue(), Definition, Values, Depth);
      if (!Value || (Result && *Result != *Value)) {
        Decided = false;
        break;
      }
      Result = Value;
    }
  }
  if (!Decided)
    Result = std::nullopt;
  Returns[Key] = Result;
  return Result;
}

llvm::BitVector GuardEvaluator::liveBlocks(FunctionCFG &Graph, const FunctionDecl *Function,
                                           const ParameterValues &Values, unsigned Depth) {
  const CFG &G = *Graph.Graph;
  llvm::BitVector Live(G.getNumBlockIDs());
  std::deque<const CFGBlock *> Worklist{&G.getEntry()};
  Live.set(G.getEntry().getBlockID());
  auto Follow = [&](const CFGBlock *Next) {
    if (Next && !Live[Next->getBlockID()]) {
      Live.set(Next->getBlockID());
      Worklist.push_back(Next);
    }
  };
  while (!Worklist.empty()) {
    // Out of steps: every block may run (never a wrong "dead").
    if (Budget == 0) {
      Live.set();
      return Live;
    }
    --Budget;
    const CFGBlock *Block = Worklist.front();
    Worklist.pop_front();
    std::optional<int64_t> Decided;
    const auto *Switch = dyn_cast_or_null<SwitchStmt>(Block->getTerminatorStmt());
    if (Switch && Switch->getCond())
      Decided = evaluate(Switch->getCond(), Function, Values, Depth);
    else if (Block->succ_size() == 2)
      if (const Expr *Condition = Block->getLastCondition())
        Decided = evaluate(Condition, Function, Values, Depth);
    if (!Decided) {
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
        Follow(Succ.getReachableBlock());
      continue;
    }
    if (!Switch) {
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
        if (Index++ == (*Decided ? 0u : 1u))
          Follow(Succ.getReachableBlock());
      continue;
    }
    // The case with this value, or the default (the last successor).
    const CFGBlock *Taken = nullptr, *Default = nullptr;
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const CFGBlock *Target = Succ.getReachableBlock();
      bool Last = ++Index == Block->succ_size();
      const auto *Case = Target ? dyn_cast_or_null<CaseStmt>(Target->getLabel()) : nullptr;
      if (Case) {
        Expr::EvalResult Lo, Hi;
        if (!Case->getLHS()->EvaluateAsInt(Lo, Context)) {
          Taken = nullptr;
          Default = nullptr;
          break; // A case that cannot be evaluated: decide nothing.
        }
        const Expr *RHS = Case->getRHS();
        if (RHS && !RHS->EvaluateAsInt(Hi, Context))
          continue;
        int64_t Low = Lo.Val.getInt().getExtValue();
        int64_t High = RHS ? Hi.Val.getInt().getExtValue() : Low;
        if (*Decided >= Low && *Decided <= High)
          Taken = Target;
      } else if (Last) {
        Default = Target;
      }
    }
    if (Taken)
      Follow(Taken);
    else if (Default)
      Follow(Default);
    else
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
        Follow(Succ.getReachableBlock());
  }
  return Live;
}

const llvm::DenseSet<const Stmt *> &GuardEvaluator::deadStatements(const FunctionDecl *Function,
                                                                   const ParameterValues &Values) {
  Function = Function->getCanonicalDecl();
  auto Key = std::make_pair(Function, Values);
  auto Known = Dead.find(Key);
  if (Known != Dead.end())
    return Known->second;
  llvm::DenseSet<const Stmt *> Result;
  FunctionCFG *Graph = cfgOf(Function);
  const FunctionDecl *Definition = nullptr;
  if (Graph && Graph->HasBranches && Function->hasBody(Definition) && Definition) {
    // Every block of this function once, plus the steps of its conditions.
    Budget = StepsPerQuestion + Graph->Graph->getNumBlockIDs();
    llvm::BitVector Live = liveBlocks(*Graph, Definition, Values, 0);
    for (const CFGBlock *Block : *Graph->Graph)
      if (!Live[Block->getBlockID()])
        for (const CFGElement &Element : *Block)
          if (auto S = Element.getAs<CFGStmt>())
            Result.insert(S->getStmt());
  }
  return Dead[Key] = std::move(Result);
}

} // namespace vss
