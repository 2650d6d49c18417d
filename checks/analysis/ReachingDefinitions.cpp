//===--- ReachingDefinitions.cpp - Which assignments reach a use ---------===//

#include "ReachingDefinitions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/BitVector.h"
#include <deque>

using namespace clang;

namespace vss {
namespace {

bool refersTo(const Expr *E, const VarDecl *Var) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref && Ref->getDecl() == Var;
}

/// True when \p Arg, bound to a parameter of type \p ParamType, may be written
/// through it (a reference or pointer to non-const).
bool mayBeWrittenThrough(QualType ParamType) {
  if (ParamType.isNull())
    return true; // Variadic or unknown: assume the worst.
  if (ParamType->isReferenceType())
    return !ParamType->getPointeeType().isConstQualified();
  return false;
}

} // namespace

std::unique_ptr<FunctionDataflow> FunctionDataflow::build(const FunctionDecl *Function,
                                                          ASTContext &Context) {
  auto Result = std::unique_ptr<FunctionDataflow>(new FunctionDataflow());
  Result->Function = Function;
  const FunctionDecl *Definition = nullptr;
  if (!Function->hasBody(Definition) || !Definition || !Definition->getBody())
    return Result;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Result->Graph = CFG::buildCFG(Definition, Definition->getBody(), &Context, Options);
  if (!Result->Graph)
    return Result;
  for (const CFGBlock *Block : *Result->Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (auto S = Element.getAs<CFGStmt>())
        Result->Positions.try_emplace(S->getStmt(), Position{Block, Index});
      ++Index;
    }
  }
  return Result;
}

std::optional<VariableDefinition>
FunctionDataflow::definitionIn(const Stmt *S, const VarDecl *Var) const {
  if (const auto *Decl = dyn_cast<DeclStmt>(S)) {
    for (const clang::Decl *D : Decl->decls()) {
      if (D == Var) {
        if (const Expr *Init = Var->getInit())
          return VariableDefinition{VariableDefinition::Assignment, Init, S};
        return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
      }
      // A non-const reference bound to Var: later writes go through it.
      const auto *Alias = dyn_cast<VarDecl>(D);
      if (Alias && Alias->getType()->isReferenceType() &&
          !Alias->getType()->getPointeeType().isConstQualified() && refersTo(Alias->getInit(), Var))
        return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
    }
    return std::nullopt;
  }
  // A lambda that captures Var by reference may write it whenever it runs.
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() && Capture.getCapturedVar() == Var &&
          Capture.getCaptureKind() == LCK_ByRef)
        return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
    return std::nullopt;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (!refersTo(Binary->getLHS(), Var))
      return std::nullopt;
    if (Binary->getOpcode() == BO_Assign)
      return VariableDefinition{VariableDefinition::Assignment, Binary->getRHS(), S};
    if (Binary->isCompoundAssignmentOp())
      return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
    return std::nullopt;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
    if ((Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf) &&
        refersTo(Unary->getSubExpr(), Var))
      return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
    return std::nullopt;
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Operator->isAssignmentOp() && Operator->getNumArgs() > 0 &&
        refersTo(Operator->getArg(0), Var))
      return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (!refersTo(Call->getArg(I), Var))
        continue;
      QualType ParamType;
      if (Callee && I >= Shift && I - Shift < Callee->getNumParams())
        ParamType = Callee->getParamDecl(I - Shift)->getType();
      if (mayBeWrittenThrough(ParamType))
        return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
    }
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
      if (refersTo(Construct->getArg(I), Var) && Ctor && I < Ctor->getNumParams() &&
          mayBeWrittenThrough(Ctor->getParamDecl(I)->getType()))
        return VariableDefinition{VariableDefinition::Unknown, nullptr, S};
  }
  return std::nullopt;
}

llvm::SmallVector<VariableDefinition, 4>
FunctionDataflow::reachingDefinitions(const VarDecl *Var, const Stmt *Use) {
  llvm::SmallVector<VariableDefinition, 4> Result;
  if (!Graph)
    return Result;
  auto UsePosition = Positions.find(Use);
  if (UsePosition == Positions.end())
    return Result;

  // Every definition of Var in the CFG, numbered; definition 0 is the entry.
  std::vector<VariableDefinition> Definitions{{VariableDefinition::Entry, nullptr, nullptr}};
  llvm::DenseMap<const Stmt *, unsigned> DefinitionAt;
  // Per block: the definition that leaves it (the last one in it), if any.
  llvm::DenseMap<const CFGBlock *, unsigned> LastDefinition;
  for (const CFGBlock *Block : *Graph)
    for (const CFGElement &Element : *Block)
      if (auto S = Element.getAs<CFGStmt>())
        if (auto Def = definitionIn(S->getStmt(), Var)) {
          DefinitionAt[S->getStmt()] = Definitions.size();
          LastDefinition[Block] = Definitions.size();
          Definitions.push_back(*Def);
        }

  // Forward "may" dataflow to a fixed point: In[B] = union of Out[pred];
  // Out[B] = {last definition in B} if B defines Var, else In[B].
  const unsigned Count = Definitions.size();
  llvm::DenseMap<const CFGBlock *, llvm::BitVector> In, Out;
  for (const CFGBlock *Block : *Graph) {
    In[Block] = llvm::BitVector(Count);
    Out[Block] = llvm::BitVector(Count);
  }
  In[&Graph->getEntry()].set(0);
  std::deque<const CFGBlock *> Worklist{&Graph->getEntry()};
  llvm::DenseMap<const CFGBlock *, bool> Queued;
  Queued[&Graph->getEntry()] = true;
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.front();
    Worklist.pop_front();
    Queued[Block] = false;
    llvm::BitVector NewIn = In[Block];
    for (const CFGBlock::AdjacentBlock &Pred : Block->preds())
      if (const CFGBlock *P = Pred.getReachableBlock())
        NewIn |= Out[P];
    In[Block] = NewIn;
    llvm::BitVector NewOut(Count);
    auto Last = LastDefinition.find(Block);
    if (Last != LastDefinition.end())
      NewOut.set(Last->second);
    else
      NewOut = NewIn;
    if (NewOut == Out[Block] && Block != &Graph->getEntry())
      continue;
    Out[Block] = NewOut;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
      if (const CFGBlock *S = Succ.getReachableBlock())
        if (!Queued[S]) {
          Queued[S] = true;
          Worklist.push_back(S);
        }
  }

  // Walk the use's block up to the use.
  const Position &At = UsePosition->second;
  llvm::BitVector Reaching = In[At.Block];
  unsigned Index = 0;
  for (const CFGElement &Element : *At.Block) {
    if (Index++ >= At.Index)
      break;
    if (auto S = Element.getAs<CFGStmt>()) {
      auto Def = DefinitionAt.find(S->getStmt());
      if (Def != DefinitionAt.end()) {
        Reaching.reset();
        Reaching.set(Def->second);
      }
    }
  }
  for (unsigned I : Reaching.set_bits())
    Result.push_back(Definitions[I]);
  return Result;
}

} // namespace vss
