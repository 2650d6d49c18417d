//===--- ReachingDefinitions.cpp - Which values reach a read -------------===//

#include "ReachingDefinitions.h"
#include "Writes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Type.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <array>
#include <optional>

using namespace clang;

namespace vss {
namespace {

/// A definition, numbered in the order it was found. Entry definitions come
/// first, one per parameter and data member followed.
struct Definition {
  ReachingDefinition::KindType Kind;
  const Expr *Value;
  const Stmt *Where;
};

/// "Definition Def reaches here, with values in Range" (of one subject).
struct Fact {
  unsigned Def;
  ValueRange Range;
  bool operator==(const Fact &Other) const { return Def == Other.Def && Range == Other.Range; }
};

/// The facts of one subject at one point, sorted by definition.
using SubjectFacts = llvm::SmallVector<Fact, 1>;

/// The facts at one point: a persistent trie over the subjects' numbers, of
/// fan-out 16 and a depth fixed per function. States share every node they
/// have in common, so copying a state costs nothing, changing one subject
/// costs one path, and joining or comparing two states costs only where they
/// differ. A state is never a copy of every subject in scope: a handler with
/// thousands of variables live across thousands of blocks stays linear.
/// An empty subtree is always null, so equal states have the same shape.
class TrieNode : public llvm::RefCountedBase<TrieNode> {
public:
  static constexpr unsigned Bits = 4;
  static constexpr unsigned FanOut = 1u << Bits;
  /// Interior nodes: the subtrees by the next digit of the subject's number.
  std::array<llvm::IntrusiveRefCntPtr<const TrieNode>, FanOut> Children;
  /// Leaves: the facts of one subject, never empty.
  SubjectFacts Facts;
};
using State = llvm::IntrusiveRefCntPtr<const TrieNode>;

/// What one CFG element does to the state.
struct Event {
  enum KindType {
    Define, ///< Subject now holds definition Def.
    Read,   ///< Use reads Subject: record the facts there.
    Forget, ///< Subject's lifetime ends.
  };
  KindType Kind;
  unsigned Subject = 0;
  unsigned Def = 0;
  const Expr *Use = nullptr;
};

/// The facts a branch condition adds on one outgoing edge.
using EdgeFacts = llvm::SmallVector<std::pair<unsigned, ValueRange>, 1>;

/// A loop cannot make a block change more often than this unless something is
/// wrong; the function is then left unanalysed (its reads unknown).
constexpr unsigned MaxVisitsPerBlock = 64;

/// When more definitions of one variable than this reach a point (a Cleanup:
/// label reached by hundreds of gotos), definitions that assign the same
/// constant, or the result of the same function, are kept as one (the first);
/// if there are still too many, they count as one unknown write there. The
/// cost of a state stays bounded, so the dataflow stays linear in the size of
/// the function.
constexpr size_t MaxDefinitionsPerVariable = 256;

bool isIntegerLike(QualType Type) {
  return !Type.isNull() && !Type->isReferenceType() && !Type.isVolatileQualified() &&
         Type->isIntegralOrEnumerationType() && !Type->isBooleanType();
}

} // namespace

class DataflowBuilder {
public:
  DataflowBuilder(const FunctionDecl *Definition, ASTContext &Context,
                  ExprMutationAnalyzer::Memoized &Mutations, FunctionDataflow &Result)
      : Function(Definition), Context(Context), Writes(Definition, Context, Mutations),
        Result(Result) {}

  void run() {
    CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    // Where a variable's scope ends its facts are dropped: a state holds the
    // variables in scope, not every loop counter the function ever had.
    Options.AddLifetime = true;
    Graph = CFG::buildCFG(Function, Function->getBody(), &Context, Options);
    if (!Graph)
      return;
    for (const ParmVarDecl *Param : Function->parameters())
      subjectOfDecl(Param, /*Member=*/false);
    classifyUses();
    collectEvents();
    Writes.finish(); // Every mutation question has been asked.
    if (!solve())
      return;
    record();
    Result.index();
  }

private:
  //===--- Subjects: the variables and members the dataflow follows --------===//

  std::optional<unsigned> subjectOfDecl(const ValueDecl *Decl, bool Member) {
    auto Found = Subjects.find(Decl);
    if (Found != Subjects.end())
      return Found->second;
    if (Member) {
      const auto *Field = dyn_cast<FieldDecl>(Decl);
      if (!Field || !isIntegerLike(Field->getType()))
        return std::nullopt;
    } else {
      const auto *Var = dyn_cast<VarDecl>(Decl);
      // The function's own locals and parameters: a lambda's captures belong
      // to the function that declares them.
      if (!Var || !Var->hasLocalStorage() || Var->getDeclContext() != Function ||
          !isIntegerLike(Var->getType()))
        return std::nullopt;
    }
    unsigned Index = SubjectDecls.size();
    SubjectDecls.push_back(Decl);
    IsMember.push_back(Member);
    Subjects[Decl] = Index;
    // Parameters and members have a value on entry.
    if (Member || isa<ParmVarDecl>(Decl))
      EntryDefinition[Index] = addDefinition({ReachingDefinition::Entry, nullptr, nullptr});
    return Index;
  }

  /// The subject \p E reads or assigns: a local or parameter, a member of
  /// *this, or "hr = ..." (its left side).
  std::optional<unsigned> subjectOf(const Expr *E) {
    E = E->IgnoreParens();
    if (const auto *Assign = dyn_cast<BinaryOperator>(E))
      return Assign->getOpcode() == BO_Assign ? subjectOf(Assign->getLHS()) : std::nullopt;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return subjectOfDecl(Ref->getDecl(), false);
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        return subjectOfDecl(Member->getMemberDecl(), true);
    return std::nullopt;
  }

  unsigned addDefinition(Definition D) {
    Definitions.push_back(D);
    // What makes two definitions alike for capDefinitions: the constant they
    // assign, or the function whose result they assign; else nothing.
    std::pair<int, int64_t> Key{0, int64_t(Definitions.size())};
    if (D.Kind == ReachingDefinition::Assignment && D.Value) {
      const Expr *Value = stripCasts(D.Value);
      if (std::optional<int32_t> Constant = constantValue(Value, Context))
        Key = {1, *Constant};
      else if (const auto *Call = dyn_cast<CallExpr>(Value); Call && Call->getDirectCallee())
        Key = {2, reinterpret_cast<intptr_t>(Call->getDirectCallee()->getCanonicalDecl())};
    }
    DefinitionKeys.push_back(Key);
    return Definitions.size() - 1;
  }

  //===--- What each element does ----------------------------------------===//

  /// Which uses only read the value, and which are the left side of "=". An
  /// lvalue-to-rvalue conversion copies the value, so nothing can write
  /// through it: the common case needs no ExprMutationAnalyzer question.
  void classifyUses() {
    for (const CFGBlock *Block : *Graph)
      for (const CFGElement &Element : *Block) {
        auto S = Element.getAs<CFGStmt>();
        if (!S)
          continue;
        if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S->getStmt())) {
          if (Cast->getCastKind() == CK_LValueToRValue)
            ReadUses.insert(Cast->getSubExpr()->IgnoreParens());
        } else if (const auto *Assign = dyn_cast<BinaryOperator>(S->getStmt())) {
          if (Assign->getOpcode() == BO_Assign)
            AssignedUses.insert(Assign->getLHS()->IgnoreParens());
        }
      }
  }

  void collectEvents() {
    Events.resize(Graph->getNumBlockIDs());
    for (const CFGBlock *Block : *Graph) {
      std::vector<Event> &Out = Events[Block->getBlockID()];
      for (const CFGElement &Element : *Block) {
        if (auto S = Element.getAs<CFGStmt>())
          eventsOf(S->getStmt(), Out);
        else if (auto Ends = Element.getAs<CFGLifetimeEnds>())
          if (std::optional<unsigned> Subject = subjectOfDecl(Ends->getVarDecl(), false))
            Out.push_back({Event::Forget, *Subject});
      }
    }
  }

  void eventsOf(const Stmt *S, std::vector<Event> &Out) {
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls()) {
        const auto *Var = dyn_cast<VarDecl>(D);
        std::optional<unsigned> Subject = Var ? subjectOfDecl(Var, false) : std::nullopt;
        if (!Subject)
          continue;
        const Expr *Init = Var->getInit();
        if (const auto *List = dyn_cast_or_null<InitListExpr>(Init))
          Init = List->getNumInits() == 1 ? List->getInit(0) : nullptr;
        Out.push_back(
            {Event::Define, *Subject,
             addDefinition(
                 {Init ? ReachingDefinition::Assignment : ReachingDefinition::Unknown, Init, S})});
      }
      return;
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(S)) {
      if (Assign->getOpcode() != BO_Assign)
        return;
      std::optional<unsigned> Subject = subjectOf(Assign->getLHS());
      if (!Subject)
        return;
      if (IsMember[*Subject])
        Out.push_back({Event::Define, *Subject, EntryDefinition[*Subject]});
      else
        Out.push_back({Event::Define, *Subject,
                       addDefinition({ReachingDefinition::Assignment, Assign->getRHS(), S})});
      return;
    }
    if (isa<DeclRefExpr, MemberExpr>(S)) {
      const auto *Use = cast<Expr>(S);
      std::optional<unsigned> Subject = subjectOf(Use);
      if (!Subject || AssignedUses.count(Use))
        return;
      if (ReadUses.count(Use)) {
        Out.push_back({Event::Read, *Subject, 0, Use});
        return;
      }
      if (!Writes.mayWrite(Use))
        return;
      // A member written in a way not followed: its conditions are void.
      unsigned Def = IsMember[*Subject] ? EntryDefinition[*Subject]
                                        : addDefinition({ReachingDefinition::Unknown, nullptr, S});
      Out.push_back({Event::Define, *Subject, Def});
    }
  }

  //===--- Conditions on the edges -----------------------------------------===//

  /// The facts each outgoing edge of \p Block adds, by successor position.
  std::vector<EdgeFacts> edgeFactsOf(const CFGBlock *Block) {
    std::vector<EdgeFacts> Edges(Block->succ_size());
    auto IsSubject = [&](const Expr *E) { return subjectOf(E).has_value(); };
    auto Add = [&](unsigned Index, const Expr *Condition, bool Taken) {
      llvm::SmallVector<ConditionFact, 2> Facts;
      conditionFacts(Condition, Taken, Context, IsSubject, Facts);
      for (const ConditionFact &F : Facts)
        if (std::optional<unsigned> Subject = subjectOf(F.Subject))
          Edges[Index].push_back({*Subject, F.Range});
    };
    if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(Block->getTerminatorStmt())) {
      switchFacts(Block, Switch, Edges);
    } else if (Block->succ_size() == 2) {
      if (const Expr *Condition = Block->getLastCondition()) {
        Add(0, Condition, true);
        Add(1, Condition, false);
      }
    }
    return Edges;
  }

  void switchFacts(const CFGBlock *Block, const SwitchStmt *Switch, std::vector<EdgeFacts> &Edges) {
    const Expr *Condition = Switch->getCond();
    std::optional<unsigned> Subject = Condition ? subjectOf(stripCasts(Condition)) : std::nullopt;
    if (!Subject)
      return;
    bool Unsigned = Condition->getType()->isUnsignedIntegerOrEnumerationType();
    llvm::SmallVector<int32_t, 8> CaseValues;
    for (const SwitchCase *Case = Switch->getSwitchCaseList(); Case;
         Case = Case->getNextSwitchCase())
      if (const auto *C = dyn_cast<CaseStmt>(Case))
        if (!C->getRHS())
          if (std::optional<int32_t> Value = constantValue(C->getLHS(), Context))
            CaseValues.push_back(*Value);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const CFGBlock *Target = Succ.getReachableBlock();
      if (!Target)
        Target = Succ.getPossiblyUnreachableBlock();
      const auto *Case = Target ? dyn_cast_or_null<CaseStmt>(Target->getLabel()) : nullptr;
      bool Last = Index + 1 == Block->succ_size();
      if (Case) {
        std::optional<int32_t> Lo = constantValue(Case->getLHS(), Context);
        std::optional<int32_t> Hi = Case->getRHS() ? constantValue(Case->getRHS(), Context) : Lo;
        if (Lo && Hi)
          Edges[Index].push_back(
              {*Subject, ValueRange::satisfying(BO_GE, *Lo, Unsigned)
                             .intersect(ValueRange::satisfying(BO_LE, *Hi, Unsigned))});
      } else if (Last) {
        // The default label, or past the switch when it has none.
        Edges[Index].push_back({*Subject, ValueRange::except(CaseValues)});
      }
      ++Index;
    }
  }

  //===--- States ----------------------------------------------------------===//

  /// The digit of \p Subject that picks the child at \p Level (0 at the root).
  unsigned digit(unsigned Subject, unsigned Level) const {
    return (Subject >> (TrieNode::Bits * (Levels - 1 - Level))) & (TrieNode::FanOut - 1);
  }

  /// The facts of \p Subject in \p S; empty when none reach.
  llvm::ArrayRef<Fact> factsOf(const State &S, unsigned Subject) const {
    const TrieNode *Node = S.get();
    for (unsigned Level = 0; Node && Level < Levels; ++Level)
      Node = Node->Children[digit(Subject, Level)].get();
    return Node ? llvm::ArrayRef<Fact>(Node->Facts) : llvm::ArrayRef<Fact>();
  }

  /// \p S with the facts of \p Subject replaced by \p Facts (none: removed).
  State withFacts(const State &S, unsigned Subject, SubjectFacts Facts) const {
    return replace(S.get(), Subject, 0, std::move(Facts));
  }

  State replace(const TrieNode *Node, unsigned Subject, unsigned Level, SubjectFacts Facts) const {
    if (Level == Levels) {
      if (Facts.empty())
        return nullptr;
      auto Leaf = llvm::makeIntrusiveRefCnt<TrieNode>();
      Leaf->Facts = std::move(Facts);
      return Leaf;
    }
    unsigned Digit = digit(Subject, Level);
    const TrieNode *Child = Node ? Node->Children[Digit].get() : nullptr;
    State NewChild = replace(Child, Subject, Level + 1, std::move(Facts));
    if (NewChild.get() == Child)
      return Node;
    auto Copy = llvm::makeIntrusiveRefCnt<TrieNode>();
    if (Node)
      Copy->Children = Node->Children;
    Copy->Children[Digit] = std::move(NewChild);
    if (llvm::all_of(Copy->Children, [](const State &C) { return !C; }))
      return nullptr;
    return Copy;
  }

  void define(State &S, unsigned Subject, unsigned Def) const {
    S = withFacts(S, Subject, {Fact{Def, ValueRange()}});
  }

  void forget(State &S, unsigned Subject) const {
    if (!factsOf(S, Subject).empty())
      S = withFacts(S, Subject, {});
  }

  void restrict(State &S, const EdgeFacts &Edge) const {
    for (const auto &[Subject, Range] : Edge) {
      llvm::ArrayRef<Fact> Old = factsOf(S, Subject);
      if (Old.empty())
        continue;
      SubjectFacts New;
      for (const Fact &F : Old) {
        ValueRange Narrowed = F.Range.intersect(Range);
        if (!Narrowed.isEmpty())
          New.push_back({F.Def, std::move(Narrowed)});
      }
      if (!llvm::equal(New, Old))
        S = withFacts(S, Subject, std::move(New));
    }
  }

  /// True when \p A and \p B hold the same facts; shared subtrees are not
  /// visited.
  bool equalStates(const TrieNode *A, const TrieNode *B, unsigned Level = 0) const {
    if (A == B)
      return true;
    if (!A || !B)
      return false;
    if (Level == Levels)
      return A->Facts == B->Facts;
    for (unsigned I = 0; I < TrieNode::FanOut; ++I)
      if (!equalStates(A->Children[I].get(), B->Children[I].get(), Level + 1))
        return false;
    return true;
  }

  /// Where paths meet: the facts of both, one per definition, the ranges of a
  /// definition in both joined. Shared subtrees are kept as they are.
  State join(const State &A, const State &B, unsigned Level = 0) {
    if (A == B || !B)
      return A;
    if (!A)
      return B;
    if (Level == Levels) {
      SubjectFacts Merged = mergeFacts(A->Facts, B->Facts);
      if (Merged == A->Facts)
        return A;
      if (Merged == B->Facts)
        return B;
      auto Leaf = llvm::makeIntrusiveRefCnt<TrieNode>();
      Leaf->Facts = std::move(Merged);
      return Leaf;
    }
    std::array<State, TrieNode::FanOut> Children;
    bool SameAsA = true, SameAsB = true;
    for (unsigned I = 0; I < TrieNode::FanOut; ++I) {
      Children[I] = join(A->Children[I], B->Children[I], Level + 1);
      SameAsA &= Children[I] == A->Children[I];
      SameAsB &= Children[I] == B->Children[I];
    }
    if (SameAsA)
      return A;
    if (SameAsB)
      return B;
    auto Node = llvm::makeIntrusiveRefCnt<TrieNode>();
    Node->Children = std::move(Children);
    return Node;
  }

  /// The facts of one subject along two paths, merged by definition and
  /// capped (capDefinitions).
  SubjectFacts mergeFacts(llvm::ArrayRef<Fact> A, llvm::ArrayRef<Fact> B) {
    SubjectFacts Merged;
    Merged.reserve(A.size() + B.size());
    auto I = A.begin(), J = B.begin();
    while (I != A.end() || J != B.end()) {
      if (J == B.end() || (I != A.end() && I->Def < J->Def)) {
        Merged.push_back(*I++);
      } else if (I == A.end() || J->Def < I->Def) {
        Merged.push_back(*J++);
      } else {
        Merged.push_back({I->Def, I->Range.join(J->Range)});
        ++I;
        ++J;
      }
    }
    if (Merged.size() > MaxDefinitionsPerVariable)
      capDefinitions(Merged);
    return Merged;
  }

  /// Keeps at most MaxDefinitionsPerVariable facts of one subject: alike
  /// definitions first become one, then the rest one unknown definition.
  void capDefinitions(SubjectFacts &Facts) {
    // Alike definitions as one, the first of them in the source.
    const SourceManager &SM = Context.getSourceManager();
    auto Earlier = [&](unsigned A, unsigned B) {
      const Stmt *WhereA = Definitions[A].Where, *WhereB = Definitions[B].Where;
      return WhereA && WhereB &&
             SM.isBeforeInTranslationUnit(WhereA->getBeginLoc(), WhereB->getBeginLoc());
    };
    llvm::DenseMap<std::pair<int, int64_t>, size_t> First;
    size_t Kept = 0;
    for (size_t I = 0; I < Facts.size(); ++I) {
      auto [It, Inserted] = First.try_emplace(DefinitionKeys[Facts[I].Def], Kept);
      if (Inserted) {
        if (Kept++ != I)
          Facts[Kept - 1] = std::move(Facts[I]);
        continue;
      }
      Fact &Representative = Facts[It->second];
      Representative.Range = Representative.Range.join(Facts[I].Range);
      if (Earlier(Facts[I].Def, Representative.Def))
        Representative.Def = Facts[I].Def;
    }
    Facts.truncate(Kept);
    llvm::sort(Facts, [](const Fact &A, const Fact &B) { return A.Def < B.Def; });
    if (Facts.size() > MaxDefinitionsPerVariable) {
      Fact Many{manyDefinition(), Facts.front().Range};
      for (const Fact &F : llvm::drop_begin(Facts))
        Many.Range = Many.Range.join(F.Range);
      Facts.assign({std::move(Many)});
    }
  }

  /// The one unknown definition that stands for too many of one subject.
  unsigned manyDefinition() {
    if (!ManyDefinition)
      ManyDefinition = addDefinition({ReachingDefinition::Unknown, nullptr, nullptr});
    return *ManyDefinition;
  }

  //===--- The dataflow ----------------------------------------------------===//

  State entryState() const {
    State S;
    for (unsigned Subject = 0; Subject < SubjectDecls.size(); ++Subject) {
      auto Entry = EntryDefinition.find(Subject);
      if (Entry != EntryDefinition.end())
        define(S, Subject, Entry->second);
    }
    return S;
  }

  /// The state on entry to \p Block: the states leaving its predecessors,
  /// each with what its edge's condition says, joined.
  State stateInto(const CFGBlock *Block) {
    if (Block == &Graph->getEntry())
      return Entry;
    std::optional<State> Joined;
    llvm::SmallPtrSet<const CFGBlock *, 4> Seen;
    for (const CFGBlock::AdjacentBlock &Pred : Block->preds()) {
      const CFGBlock *P = Pred.getReachableBlock();
      if (!P || !Done[P->getBlockID()] || !Seen.insert(P).second)
        continue;
      const std::vector<EdgeFacts> &Edges = EdgeFactsOf[P->getBlockID()];
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : P->succs()) {
        if (Succ.getReachableBlock() == Block) {
          State Along = Out[P->getBlockID()];
          if (Index < Edges.size() && !Edges[Index].empty())
            restrict(Along, Edges[Index]);
          Joined = Joined ? join(*Joined, Along) : std::move(Along);
        }
        ++Index;
      }
    }
    return Joined ? std::move(*Joined) : State();
  }

  void transfer(State &S, const std::vector<Event> &BlockEvents, bool Record) {
    for (const Event &E : BlockEvents) {
      switch (E.Kind) {
      case Event::Define:
        define(S, E.Subject, E.Def);
        break;
      case Event::Read:
        if (Record)
          recordRead(S, E);
        break;
      case Event::Forget:
        forget(S, E.Subject);
        break;
      }
    }
  }

  bool solve() {
    const unsigned Count = Graph->getNumBlockIDs();
    // Every subject is known once the events and the edges' facts are: the
    // trie's depth is fixed from here on.
    EdgeFactsOf.resize(Count);
    for (const CFGBlock *Block : *Graph)
      EdgeFactsOf[Block->getBlockID()] = edgeFactsOf(Block);
    Levels = 1;
    while ((size_t(1) << (TrieNode::Bits * Levels)) < SubjectDecls.size())
      ++Levels;
    Entry = entryState();
    Out.assign(Count, State());
    Done.assign(Count, false);
    std::vector<unsigned> Visits(Count, 0);
    PostOrderCFGView Order(Graph.get());
    ForwardDataflowWorklist Worklist(*Graph, &Order);
    Worklist.enqueueBlock(&Graph->getEntry());
    while (const CFGBlock *Block = Worklist.dequeue()) {
      unsigned ID = Block->getBlockID();
      if (++Visits[ID] > MaxVisitsPerBlock)
        return false;
      State S = stateInto(Block);
      transfer(S, Events[ID], /*Record=*/false);
      if (Done[ID] && equalStates(S.get(), Out[ID].get()))
        continue;
      Out[ID] = std::move(S);
      Done[ID] = true;
      Worklist.enqueueSuccessors(Block);
    }
    return true;
  }

  void record() {
    for (const CFGBlock *Block : *Graph) {
      if (!Done[Block->getBlockID()])
        continue;
      State S = stateInto(Block);
      transfer(S, Events[Block->getBlockID()], /*Record=*/true);
    }
  }

  void recordRead(const State &S, const Event &E) {
    auto Facts = factsOf(S, E.Subject);
    if (IsMember[E.Subject]) {
      ValueRange Range;
      bool Any = false;
      for (const Fact &F : Facts) {
        Range = Any ? Range.join(F.Range) : F.Range;
        Any = true;
      }
      Result.MemberReads.push_back({cast<MemberExpr>(E.Use), Range});
      return;
    }
    const auto *Use = dyn_cast<DeclRefExpr>(E.Use);
    if (!Use)
      return;
    std::vector<ReachingDefinition> &Flat = Result.Definitions;
    unsigned First = Flat.size();
    for (const Fact &F : Facts) {
      const Definition &D = Definitions[F.Def];
      Flat.push_back({D.Kind, D.Value, D.Where, F.Range});
    }
    // Source order (the entry first), whatever the order of the CFG's blocks.
    const SourceManager &SM = Context.getSourceManager();
    std::stable_sort(Flat.begin() + First, Flat.end(),
                     [&](const ReachingDefinition &A, const ReachingDefinition &B) {
                       if (!A.Where || !B.Where)
                         return !A.Where && B.Where;
                       return SM.isBeforeInTranslationUnit(A.Where->getBeginLoc(),
                                                           B.Where->getBeginLoc());
                     });
    Result.VariableReads.push_back({Use, First, static_cast<unsigned>(Flat.size())});
  }

  const FunctionDecl *Function;
  ASTContext &Context;
  WriteAnalysis Writes;
  FunctionDataflow &Result;

  std::unique_ptr<CFG> Graph;

  llvm::DenseMap<const ValueDecl *, unsigned> Subjects;
  std::vector<const ValueDecl *> SubjectDecls;
  std::vector<bool> IsMember;
  llvm::DenseMap<unsigned, unsigned> EntryDefinition;
  std::optional<unsigned> ManyDefinition;
  std::vector<Definition> Definitions;
  std::vector<std::pair<int, int64_t>> DefinitionKeys;

  llvm::DenseSet<const Expr *> ReadUses, AssignedUses;
  std::vector<std::vector<Event>> Events;
  /// By block: the facts each outgoing edge adds, by successor position.
  std::vector<std::vector<EdgeFacts>> EdgeFactsOf;
  /// The depth of every state's trie: enough digits for every subject.
  unsigned Levels = 1;
  State Entry;
  std::vector<State> Out;
  std::vector<bool> Done;
};

std::unique_ptr<FunctionDataflow>
FunctionDataflow::build(const FunctionDecl *Function, ASTContext &Context,
                        ExprMutationAnalyzer::Memoized &Mutations) {
  auto Result = std::unique_ptr<FunctionDataflow>(new FunctionDataflow());
  const FunctionDecl *Definition = nullptr;
  if (!Function->hasBody(Definition) || !Definition || !Definition->getBody() ||
      Definition->isInvalidDecl())
    return Result;
  DataflowBuilder(Definition, Context, Mutations, *Result).run();
  return Result;
}

void FunctionDataflow::index() {
  llvm::sort(VariableReads,
             [](const VariableRead &A, const VariableRead &B) { return A.Use < B.Use; });
  llvm::sort(MemberReads, [](const auto &A, const auto &B) { return A.first < B.first; });
  VariableReads.shrink_to_fit();
  MemberReads.shrink_to_fit();
  Definitions.shrink_to_fit();
}

std::optional<llvm::ArrayRef<ReachingDefinition>>
FunctionDataflow::definitionsAt(const DeclRefExpr *Use) const {
  auto It = llvm::lower_bound(
      VariableReads, Use, [](const VariableRead &R, const DeclRefExpr *U) { return R.Use < U; });
  if (It == VariableReads.end() || It->Use != Use)
    return std::nullopt;
  return llvm::ArrayRef(Definitions).slice(It->Begin, It->End - It->Begin);
}

ValueRange FunctionDataflow::rangeAt(const MemberExpr *Use) const {
  auto It = llvm::lower_bound(MemberReads, Use,
                              [](const auto &R, const MemberExpr *U) { return R.first < U; });
  return It == MemberReads.end() || It->first != Use ? ValueRange() : It->second;
}

} // namespace vss
