//===--- HResultValues.cpp - The values an HRESULT argument can have -----===//

#include "HResultValues.h"
#include "VssApiModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace vss {
namespace {

constexpr unsigned MaxDepth = 32;

uint32_t low32(const llvm::APSInt &Value) {
  return static_cast<uint32_t>(Value.extOrTrunc(64).getZExtValue());
}

const Expr *stripCasts(const Expr *E) {
  return E->IgnoreParenCasts()->IgnoreImplicit()->IgnoreParenCasts();
}

/// The argument of \p Site that initialises parameter \p Index of \p Callee.
const Expr *argumentFor(const Stmt *Site, const FunctionDecl *Callee, unsigned Index) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Site)) {
    unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) &&
                             !cast<CXXMethodDecl>(Callee)->isStatic()
                         ? 1
                         : 0;
    if (Index + Shift < Call->getNumArgs())
      return Call->getArg(Index + Shift);
  }
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Site))
    if (Index < Construct->getNumArgs())
      return Construct->getArg(Index);
  return nullptr;
}

/// Collects every write to a data member in one function body.
class FieldWriteCollector : public RecursiveASTVisitor<FieldWriteCollector> {
public:
  using Writes = llvm::DenseMap<const FieldDecl *,
                                std::vector<std::pair<const Expr *, SourceLocation>>>;
  FieldWriteCollector(Writes &Out, const SourceManager &SM) : Out(Out), SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  // Lambda bodies are user functions of their own.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }

  static const FieldDecl *fieldOf(const Expr *E) {
    const auto *Member = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    return Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  }
  void add(const FieldDecl *Field, const Expr *Value, SourceLocation Loc) {
    if (Field)
      Out[Field->getCanonicalDecl()].push_back({Value, SM.getFileLoc(Loc)});
  }

  bool VisitBinaryOperator(BinaryOperator *Binary) {
    if (const FieldDecl *Field = fieldOf(Binary->getLHS())) {
      if (Binary->getOpcode() == BO_Assign)
        add(Field, Binary->getRHS(), Binary->getBeginLoc());
      else if (Binary->isCompoundAssignmentOp())
        add(Field, nullptr, Binary->getOperatorLoc());
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Unary) {
    if (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)
      add(fieldOf(Unary->getSubExpr()), nullptr, Unary->getOperatorLoc());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      const FieldDecl *Field = fieldOf(Call->getArg(I));
      if (!Field)
        continue;
      unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Callee) ? 1 : 0;
      if (isa<CXXOperatorCallExpr>(Call) && I == 0 && Shift) {
        if (cast<CXXOperatorCallExpr>(Call)->isAssignmentOp())
          add(Field, nullptr, Call->getExprLoc());
        continue;
      }
      QualType ParamType;
      if (Callee && I >= Shift && I - Shift < Callee->getNumParams())
        ParamType = Callee->getParamDecl(I - Shift)->getType();
      if (ParamType.isNull() ||
          (ParamType->isReferenceType() && !ParamType->getPointeeType().isConstQualified()))
        add(Field, nullptr, Call->getArg(I)->getExprLoc());
    }
    return true;
  }
  void collectInitializers(const CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer() && Init->isWritten())
        add(Init->getMember(), Init->getInit(), Init->getSourceLocation());
  }

private:
  Writes &Out;
  const SourceManager &SM;
};

/// The variable or data member an expression reads, if it is just that.
const ValueDecl *readDecl(const Expr *E) {
  E = stripCasts(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

/// A condition the value of \p Subject is known to satisfy where it is used.
struct Guard {
  BinaryOperatorKind Op; ///< Subject Op Constant, on 32-bit signed values.
  int32_t Constant;
};

/// Adds the guards that \p Condition, known to be \p Taken, puts on \p Subject.
void collectGuards(const Expr *Condition, bool Taken, const ValueDecl *Subject,
                   const ASTContext &Context, llvm::SmallVectorImpl<Guard> &Out) {
  Condition = stripCasts(Condition);
  if (const auto *Not = dyn_cast<UnaryOperator>(Condition)) {
    if (Not->getOpcode() == UO_LNot)
      collectGuards(Not->getSubExpr(), !Taken, Subject, Context, Out);
    return;
  }
  const auto *Binary = dyn_cast<BinaryOperator>(Condition);
  if (!Binary)
    return;
  if ((Binary->getOpcode() == BO_LAnd && Taken) || (Binary->getOpcode() == BO_LOr && !Taken)) {
    collectGuards(Binary->getLHS(), Taken, Subject, Context, Out);
    collectGuards(Binary->getRHS(), Taken, Subject, Context, Out);
    return;
  }
  if (!Binary->isComparisonOp())
    return;
  BinaryOperatorKind Op = Binary->getOpcode();
  const Expr *Other = Binary->getRHS();
  if (readDecl(Binary->getLHS()) != Subject) {
    if (readDecl(Binary->getRHS()) != Subject)
      return;
    Other = Binary->getLHS();
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  Expr::EvalResult Value;
  if (Other->isValueDependent() || !Other->EvaluateAsInt(Value, Context))
    return;
  if (!Taken)
    Op = BinaryOperator::negateComparisonOp(Op);
  Out.push_back({Op, static_cast<int32_t>(low32(Value.Val.getInt()))});
}

bool satisfies(uint32_t Value, const Guard &G) {
  int32_t V = static_cast<int32_t>(Value);
  switch (G.Op) {
  case BO_LT: return V < G.Constant;
  case BO_LE: return V <= G.Constant;
  case BO_GT: return V > G.Constant;
  case BO_GE: return V >= G.Constant;
  case BO_EQ: return V == G.Constant;
  case BO_NE: return V != G.Constant;
  default: return true;
  }
}

/// The guards on the value of \p Argument at \p Site: the conditions of the
/// if statements of \p Function that the site is in (FAILED(hr) around the
/// shared Cleanup block). Found by a walk down the one function body.
llvm::SmallVector<Guard, 2> guardsAt(const Stmt *Site, const Expr *Argument,
                                     const FunctionDecl *Function, const ASTContext &Context) {
  llvm::SmallVector<Guard, 2> Guards;
  const ValueDecl *Subject = readDecl(Argument);
  const FunctionDecl *Definition = nullptr;
  if (!Subject || !Function->hasBody(Definition) || !Definition)
    return Guards;
  // Depth-first search for Site, keeping the path of ancestors.
  llvm::SmallVector<std::pair<const Stmt *, unsigned>, 32> Path{{Definition->getBody(), 0}};
  llvm::SmallVector<const Stmt *, 16> Found;
  while (!Path.empty()) {
    auto &[Current, Next] = Path.back();
    if (Current == Site) {
      for (auto &Entry : Path)
        Found.push_back(Entry.first);
      break;
    }
    auto Children = Current ? Current->children() : Stmt::const_child_range(nullptr, nullptr);
    auto It = Children.begin();
    std::advance(It, Next);
    if (It == Children.end()) {
      Path.pop_back();
      continue;
    }
    ++Next;
    if (*It && !isa<LambdaExpr>(*It))
      Path.push_back({*It, 0});
  }
  for (size_t I = 0; I + 1 < Found.size(); ++I)
    if (const auto *If = dyn_cast<IfStmt>(Found[I])) {
      if (Found[I + 1] == If->getThen())
        collectGuards(If->getCond(), true, Subject, Context, Guards);
      else if (Found[I + 1] == If->getElse())
        collectGuards(If->getCond(), false, Subject, Context, Guards);
    }
  return Guards;
}

/// True when a switch or if statement of \p Function tests \p Param.
bool switchesOn(const FunctionDecl *Function, const ParmVarDecl *Param) {
  const FunctionDecl *Definition = nullptr;
  if (!Function->hasBody(Definition) || !Definition)
    return false;
  auto Reads = [&](const Expr *Condition) {
    llvm::SmallVector<const Stmt *, 8> Worklist{Condition};
    while (!Worklist.empty()) {
      const Stmt *S = Worklist.pop_back_val();
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S))
        if (Ref->getDecl() == Param)
          return true;
      if (S)
        for (const Stmt *Child : S->children())
          Worklist.push_back(Child);
    }
    return false;
  };
  llvm::SmallVector<const Stmt *, 32> Worklist{Definition->getBody()};
  while (!Worklist.empty()) {
    const Stmt *S = Worklist.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Switch = dyn_cast<SwitchStmt>(S))
      if (Reads(Switch->getCond()))
        return true;
    if (const auto *If = dyn_cast<IfStmt>(S))
      if (Reads(If->getCond()))
        return true;
    for (const Stmt *Child : S->children())
      Worklist.push_back(Child);
  }
  return false;
}

} // namespace

void HResultValueTracer::applyGuards(const Stmt *Site, const Expr *Argument,
                                     const FunctionDecl *Function, std::vector<TracedValue> &Out,
                                     size_t From) {
  llvm::SmallVector<Guard, 2> Guards = guardsAt(Site, Argument, Function, Graph.context());
  if (Guards.empty())
    return;
  auto Excluded = [&](const TracedValue &Value) {
    return Value.Value.Kind == HResultValue::Known &&
           llvm::any_of(Guards, [&](const Guard &G) { return !satisfies(Value.Value.Value, G); });
  };
  Out.erase(std::remove_if(Out.begin() + From, Out.end(), Excluded), Out.end());
}

std::string spelledText(const Expr *E, const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, LO);
  if (Range.isInvalid())
    Range = Lexer::makeFileCharRange(SM.getExpansionRange(E->getBeginLoc()), SM, LO);
  std::string Text = Lexer::getSourceText(Range, SM, LO).str();
  // One line, single spaces, not too long for a message.
  std::string Compact;
  for (char C : Text) {
    bool Space = C == ' ' || C == '\n' || C == '\t' || C == '\r';
    if (Space && (Compact.empty() || Compact.back() == ' '))
      continue;
    Compact += Space ? ' ' : C;
  }
  if (Compact.size() > 80)
    Compact = Compact.substr(0, 77) + "...";
  return Compact;
}

HResultValue HResultValueTracer::evaluateConstant(const Expr *E) const {
  HResultValue Result;
  Result.Origin = E;
  if (!E || E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return Result;
  ASTContext &Context = Graph.context();
  Expr::EvalResult Eval;
  if (E->EvaluateAsInt(Eval, Context)) {
    Result.Kind = HResultValue::Known;
    Result.Value = low32(Eval.Val.getInt());
    return Result;
  }
  const Expr *Stripped = stripCasts(E);
  const VssApiModel &Model = VssApiModel::get();
  if (const auto *Call = dyn_cast<CallExpr>(Stripped)) {
    const HResultConstructorSpec *Constructor = Model.hresultConstructor(Call->getDirectCallee());
    if (Constructor && Call->getNumArgs() == 1) {
      Expr::EvalResult Argument;
      if (!Call->getArg(0)->isValueDependent() &&
          Call->getArg(0)->EvaluateAsInt(Argument, Context)) {
        Result.Kind = HResultValue::Known;
        Result.Value = Constructor->Apply(Argument.Val.getInt().extOrTrunc(64).getSExtValue());
      } else {
        Result.Kind = HResultValue::HasBits;
        Result.KnownOnes = Constructor->BitsForAnyArgument;
      }
      return Result;
    }
  }
  // "x | FACILITY_BITS": the constant side's bits are set whatever x is
  // (MAKE_HRESULT with a constant facility, MinGW's HRESULT_FROM_* macros).
  if (const auto *Binary = dyn_cast<BinaryOperator>(Stripped)) {
    if (Binary->getOpcode() == BO_Or) {
      HResultValue Left = evaluateConstant(Binary->getLHS());
      HResultValue Right = evaluateConstant(Binary->getRHS());
      auto Ones = [](const HResultValue &V) {
        return V.Kind == HResultValue::Known ? V.Value
               : V.Kind == HResultValue::HasBits ? V.KnownOnes
                                                 : 0u;
      };
      uint32_t Bits = Ones(Left) | Ones(Right);
      if (Bits) {
        Result.Kind = HResultValue::HasBits;
        Result.KnownOnes = Bits;
      }
    }
  }
  return Result;
}

FunctionDataflow &HResultValueTracer::dataflow(const FunctionDecl *Function) {
  std::unique_ptr<FunctionDataflow> &Slot = Dataflows[Function->getCanonicalDecl()];
  if (!Slot)
    Slot = FunctionDataflow::build(Function, Graph.context());
  return *Slot;
}

std::vector<TracedValue> HResultValueTracer::traceArgument(const Expr *Call, unsigned ArgIndex,
                                                           const FunctionDecl *Caller) {
  std::vector<TracedValue> Out;
  const auto *CallE = dyn_cast<CallExpr>(Call);
  if (!CallE || ArgIndex >= CallE->getNumArgs())
    return Out;
  Report Where{CallE->getArg(ArgIndex), CallE->getDirectCallee(), {}};
  valuesOf(CallE->getArg(ArgIndex), Caller, CallE, Where, 0, Out);
  applyGuards(CallE, CallE->getArg(ArgIndex), Caller, Out, 0);
  return Out;
}

void HResultValueTracer::valuesOf(const Expr *E, const FunctionDecl *Function,
                                  const Stmt *EvaluatedAt, const Report &Where, unsigned Depth,
                                  std::vector<TracedValue> &Out) {
  auto Emit = [&](HResultValue Value) { Out.push_back({Value, Where.At, Where.Trail}); };
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    E = Default->getExpr();
  HResultValue Constant = evaluateConstant(E);
  if (Constant.Kind != HResultValue::Unknown || Depth > MaxDepth)
    return Emit(Constant);

  const Expr *Stripped = stripCasts(E);
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(Stripped)) {
    valuesOf(Conditional->getTrueExpr(), Function, EvaluatedAt, Where, Depth + 1, Out);
    valuesOf(Conditional->getFalseExpr(), Function, EvaluatedAt, Where, Depth + 1, Out);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Stripped)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    const auto *Owner = Var ? dyn_cast<FunctionDecl>(Var->getDeclContext()) : nullptr;
    // Only the function's own locals and parameters; a lambda's captures are not followed.
    if (Var && Var->hasLocalStorage() && Owner &&
        Owner->getCanonicalDecl() == Function->getCanonicalDecl()) {
      auto Definitions = dataflow(Function).reachingDefinitions(Var, EvaluatedAt);
      if (Definitions.empty())
        return Emit(Constant);
      for (const VariableDefinition &Definition : Definitions) {
        switch (Definition.Kind) {
        case VariableDefinition::Entry:
          if (const auto *Param = dyn_cast<ParmVarDecl>(Var))
            forwardParameter(Param, Function, Ref, Where, Depth + 1, Out);
          else
            Emit(Constant);
          break;
        case VariableDefinition::Assignment: {
          Report Assigned = Where;
          SourceLocation Loc = isa<DeclStmt>(Definition.Where) ? Var->getLocation()
                                                               : Definition.Where->getBeginLoc();
          Assigned.Trail.insert(Assigned.Trail.begin(),
                                ValueStep{ValueStep::Assignment,
                                          Graph.context().getSourceManager().getFileLoc(Loc), Var});
          valuesOf(Definition.Value, Function, Definition.Where, Assigned, Depth + 1, Out);
          break;
        }
        case VariableDefinition::Unknown:
          Emit(Constant);
          break;
        }
      }
      return;
    }
  }
  if (const auto *Member = dyn_cast<MemberExpr>(Stripped))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      return fieldValues(Field, Member, Where, Out);
  if (const auto *Call = dyn_cast<CallExpr>(Stripped))
    if (returnValues(Call, Function, EvaluatedAt, Where, Depth, Out))
      return;
  Emit(Constant);
}

bool HResultValueTracer::returnValues(const CallExpr *Call, const FunctionDecl *Caller,
                                      const Stmt *EvaluatedAt, const Report &Where,
                                      unsigned Depth, std::vector<TracedValue> &Out) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || VssApiModel::get().isApiFunction(Callee) || !Callee->hasBody(Definition) ||
      !Definition || Definition->isInvalidDecl() || Depth > MaxDepth)
    return false;
  for (const CallBinding &Binding : Bindings)
    if (Binding.Callee == Definition->getCanonicalDecl())
      return false; // Recursion: the value is not known.
  // The return statements of the body, not of the lambdas in it.
  llvm::SmallVector<const ReturnStmt *, 8> Returns;
  llvm::SmallVector<const Stmt *, 32> Worklist{Definition->getBody()};
  while (!Worklist.empty()) {
    const Stmt *S = Worklist.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      if (!Return->getRetValue())
        return false;
      Returns.push_back(Return);
    }
    for (const Stmt *Child : S->children())
      Worklist.push_back(Child);
  }
  if (Returns.empty())
    return false;
  const SourceManager &SM = Graph.context().getSourceManager();
  Bindings.push_back({Definition->getCanonicalDecl(), Call, Caller, EvaluatedAt});
  for (const ReturnStmt *Return : llvm::reverse(Returns)) {
    Report Returned = Where;
    Returned.Trail.insert(Returned.Trail.begin(),
                          ValueStep{ValueStep::Return, SM.getFileLoc(Return->getBeginLoc()),
                                    nullptr, Definition});
    valuesOf(Return->getRetValue(), Definition, Return, Returned, Depth + 1, Out);
  }
  Bindings.pop_back();
  return true;
}

void HResultValueTracer::forwardParameter(const ParmVarDecl *Param, const FunctionDecl *Function,
                                          const Expr *Use, const Report &Where, unsigned Depth,
                                          std::vector<TracedValue> &Out) {
  const unsigned Index = Param->getFunctionScopeIndex();
  // Inside a callee whose return value is followed, the parameter is the
  // argument of that call.
  for (const CallBinding &Binding : llvm::reverse(Bindings))
    if (Binding.Callee == Function->getCanonicalDecl()) {
      // A translation helper that switches on the parameter maps some values
      // to others: which return a known argument takes is not followed.
      if (switchesOn(Function, Param)) {
        HResultValue Unknown;
        Unknown.Origin = Use;
        Out.push_back({Unknown, Where.At, Where.Trail});
        return;
      }
      if (const Expr *Argument = argumentFor(Binding.Call, Function, Index)) {
        CallBinding Caller = Binding; // valuesOf may grow Bindings.
        valuesOf(Argument, Caller.Caller, Caller.EvaluatedAt, Where, Depth + 1, Out);
        return;
      }
      break;
    }
  auto Key = std::make_pair(Function->getCanonicalDecl(), Index);
  llvm::ArrayRef<const CallSite *> Callers = Graph.callersOf(Function);
  if (Following.lookup(Key) || Callers.empty()) {
    HResultValue Unknown;
    Unknown.Origin = Use;
    Out.push_back({Unknown, Where.At, Where.Trail});
    return;
  }
  Following[Key] = true;
  const SourceManager &SM = Graph.context().getSourceManager();
  ValueStep Forwarded{ValueStep::Forwarding, SM.getFileLoc(Where.At->getExprLoc()), Param,
                      Function, Where.Callee};
  for (const CallSite *Site : Callers) {
    if (Site->Kind == CallEdgeKind::LambdaCreation || Site->Kind == CallEdgeKind::FunctionReference ||
        Site->Kind == CallEdgeKind::Destruction)
      continue;
    const Expr *Argument = argumentFor(Site->Site, Function, Index);
    if (!Argument)
      continue;
    Report Caller{Argument, Function, Where.Trail};
    Caller.Trail.insert(Caller.Trail.begin(), Forwarded);
    size_t From = Out.size();
    valuesOf(Argument, Site->Caller, Site->Site, Caller, Depth + 1, Out);
    applyGuards(Site->Site, Argument, Site->Caller, Out, From);
  }
  Following[Key] = false;
}

void HResultValueTracer::buildFieldWrites() {
  if (FieldWritesBuilt)
    return;
  FieldWritesBuilt = true;
  FieldWriteCollector Collector(FieldWrites, Graph.context().getSourceManager());
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    const FunctionDecl *Definition = nullptr;
    if (!Function->hasBody(Definition) || !Definition)
      continue;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
      Collector.collectInitializers(Ctor);
    Collector.TraverseStmt(Definition->getBody());
  }
}

void HResultValueTracer::fieldValues(const FieldDecl *Field, const Expr *Use, const Report &Where,
                                     std::vector<TracedValue> &Out) {
  buildFieldWrites();
  std::vector<std::pair<const Expr *, SourceLocation>> Writes;
  auto Found = FieldWrites.find(Field->getCanonicalDecl());
  if (Found != FieldWrites.end())
    Writes = Found->second;
  if (const Expr *Default = Field->getInClassInitializer())
    Writes.push_back({Default, Graph.context().getSourceManager().getFileLoc(Field->getLocation())});

  std::vector<TracedValue> Values;
  for (const auto &[Value, Loc] : Writes) {
    HResultValue Constant = evaluateConstant(Value);
    if (!Value || Constant.Kind == HResultValue::Unknown) {
      Values.clear();
      break; // One write that is not a constant: the member's value is unknown.
    }
    TracedValue Traced{Constant, Where.At, Where.Trail};
    Traced.Steps.insert(Traced.Steps.begin(), ValueStep{ValueStep::Assignment, Loc, Field});
    Values.push_back(std::move(Traced));
  }
  if (Values.empty()) {
    HResultValue Unknown;
    Unknown.Origin = Use;
    Out.push_back({Unknown, Where.At, Where.Trail});
    return;
  }
  Out.insert(Out.end(), Values.begin(), Values.end());
}

} // namespace vss
