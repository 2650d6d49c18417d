//===--- WriterApiOutsideEventCheck.cpp - vss-writer-api-outside-event ---===//

#include "WriterApiOutsideEventCheck.h"
#include "Diagnostics.h"
#include "analysis/CrossTuPaths.h"
#include "analysis/Names.h"
#include "analysis/ValueRange.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace vss {

namespace {

/// "OnPrepareBackup, OnPrepareSnapshot or OnPostSnapshot".
std::string handlerList(llvm::ArrayRef<llvm::StringLiteral> Handlers) {
  std::string Text;
  for (size_t I = 0; I < Handlers.size(); ++I) {
    if (I)
      Text += I + 1 == Handlers.size() ? " or " : ", ";
    Text += Handlers[I].str();
  }
  return Text;
}

/// The member or global variable a call's object was read from, when the
/// object is a pointer kept there (m_pMetadata->AddComponent(...)).
const ValueDecl *keptIn(const CallExpr *Call) {
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Call))
    Object = Member->getImplicitObjectArgument();
  if (!Object)
    return nullptr;
  Object = stripCasts(Object);
  // A smart pointer's operator-> (CComPtr): the pointer is its object.
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Object);
      Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
    Object = stripCasts(Arrow->getArg(0));
  if (const auto *Member = dyn_cast<MemberExpr>(Object))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Var->hasGlobalStorage())
      return Var;
  return nullptr;
}

/// True when a writer class of the TU (or one of its bases) has a data member
/// that can keep the interface of \p Rule.
bool writerKeepsInterface(llvm::ArrayRef<TranslationUnitAnalysis::EventHandler> Handlers,
                          const EventBoundApiSpec &Rule) {
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  llvm::SmallVector<const CXXRecordDecl *, 8> Classes;
  for (const TranslationUnitAnalysis::EventHandler &Handler : Handlers)
    Classes.push_back(Handler.Method->getParent());
  while (!Classes.empty()) {
    const CXXRecordDecl *Class = Classes.pop_back_val();
    if (!Class || !(Class = Class->getDefinition()) || !Seen.insert(Class).second)
      continue;
    for (const FieldDecl *Field : Class->fields())
      if (VssApiModel::get().holdsInterface(Field->getType(), Rule))
        return true;
    for (const CXXBaseSpecifier &Base : Class->bases())
      Classes.push_back(Base.getType()->getAsCXXRecordDecl());
  }
  return false;
}

/// Where \p Function's body assigns to \p Variable, if it does.
const Expr *assignmentIn(const FunctionDecl *Function, const ValueDecl *Variable) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ValueDecl *Variable;
    const Expr *Found = nullptr;
    bool VisitBinaryOperator(BinaryOperator *Op) {
      if (Op->getOpcode() == BO_Assign && refersTo(Op->getLHS()))
        Found = Op;
      return !Found;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 && refersTo(Op->getArg(0)))
        Found = Op;
      return !Found;
    }
    bool refersTo(const Expr *E) const {
      E = stripCasts(E);
      if (const auto *Member = dyn_cast<MemberExpr>(E))
        return Member->getMemberDecl() == Variable;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        return Ref->getDecl() == Variable;
      return false;
    }
  } Find;
  Find.Variable = Variable;
  if (Function && Function->getBody())
    Find.TraverseStmt(Function->getBody());
  return Find.Found;
}

} // namespace

void WriterApiOutsideEventCheck::report(SourceLocation Loc, const EventBoundApiSpec &Rule,
                                        const FunctionDecl *Callee, llvm::StringRef Handler) {
  std::string Api = Rule.DisplayName.str();
  if (Rule.MethodName.empty())
    Api += "::" + Callee->getNameAsString();
  std::string Remedy =
      Rule.Remedy.empty() ? "call it from " + handlerList(Rule.Handlers) : Rule.Remedy.str();
  if (Rule.KeptPastHandler)
    diag(Loc, "%0 is valid only while the writer handles %1, but this call through a pointer "
              "kept past it is reached from %2; %3")
        << Api << handlerList(Rule.Handlers) << Handler << Remedy;
  else if (Rule.OnlyIn)
    diag(Loc, "%0 may be called only while the writer handles %1, but this call is reached "
              "from %2; %3")
        << Api << handlerList(Rule.Handlers) << Handler << Remedy;
  else
    diag(Loc, "%0 must not be called while the writer handles %1, but this call is reached "
              "from it; %2")
        << Api << Handler << Remedy;
}

void WriterApiOutsideEventCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  CallGraph &Graph = Analysis.callGraph();
  llvm::ArrayRef<TranslationUnitAnalysis::EventHandler> Handlers = Analysis.eventHandlers();
  FactsIndex *Facts = facts(Analysis.context());
  if (Handlers.empty() && !Facts)
    return;

  // The calls of event-bound APIs in the TU's functions, grouped by caller.
  std::vector<std::pair<const EventBoundApiSpec *, const CallSite *>> ApiCalls;
  for (const FunctionDecl *Function : Graph.userFunctions())
    for (const CallSite &Site : Graph.callSites(Function))
      if (Site.Kind == CallEdgeKind::Call || Site.Kind == CallEdgeKind::VirtualCall)
        if (const EventBoundApiSpec *Spec = Model.eventBoundApi(Site.Callee))
          ApiCalls.push_back({Spec, &Site});

  // The rules the TU's calls can break, each a set of handlers to start from:
  // one traversal per rule that some call is about, not one per handler. A
  // pointer VSS gives one handler reaches another only if it was kept in a
  // member or a global: most writers, which describe their metadata through
  // OnIdentify's parameter, cost no traversal.
  llvm::SetVector<const EventBoundApiSpec *> Rules;
  llvm::DenseMap<const EventBoundApiSpec *, bool> WriterKeeps;
  for (const auto &[Spec, Site] : ApiCalls) {
    if (Spec->KeptPastHandler && !keptIn(dyn_cast_or_null<CallExpr>(Site->Site))) {
      auto [Known, Inserted] = WriterKeeps.try_emplace(Spec);
      if (Inserted)
        Known->second = writerKeepsInterface(Handlers, *Spec);
      if (!Known->second)
        continue;
    }
    Rules.insert(Spec);
  }

  llvm::DenseSet<SourceLocation> Reported;
  llvm::DenseMap<const ValueDecl *, std::pair<const FunctionDecl *, const Expr *>> KeptAt;
  for (const EventBoundApiSpec *Rule : Rules) {
    std::vector<const FunctionDecl *> Roots;
    for (const TranslationUnitAnalysis::EventHandler &Handler : Handlers)
      if (Rule->forbiddenIn(Handler.Spec->Name))
        Roots.push_back(Handler.Method);
    if (Roots.empty())
      continue;
    Reachability Reached = Graph.reachableFrom(
        Roots, runsCallee, [&](const FunctionDecl *F) { return Analysis.isUserFunction(F); });
    Graph.forEachReachedCall(Reached, [&](const CallSite &Site, ReachedFunction Node) {
      if (Model.eventBoundApi(Site.Callee) != Rule || !Reported.insert(Site.Loc).second)
        return;
      const auto *Root = cast<CXXMethodDecl>(Reached.rootOf(Node));
      report(Site.Loc, *Rule, Site.Callee, Model.overriddenEventHandler(Root)->Name);
      for (const CallSite *Step : Reached.pathTo(Node))
        emitCallPathNote(*this, *Step);
      if (!Rule->KeptPastHandler)
        return;
      // Where the pointer was kept: an assignment in a handler it is valid in.
      const ValueDecl *Kept = keptIn(dyn_cast_or_null<CallExpr>(Site.Site));
      if (!Kept)
        return;
      // Searched once per variable, however many calls read it.
      auto [Found, Inserted] = KeptAt.try_emplace(Kept);
      if (Inserted)
        for (const TranslationUnitAnalysis::EventHandler &Valid : Handlers)
          if (!Rule->forbiddenIn(Valid.Spec->Name))
            if (const Expr *Assignment = assignmentIn(Valid.Method, Kept)) {
              Found->second = {Valid.Method, Assignment};
              break;
            }
      if (const Expr *Assignment = Found->second.second)
        diag(Assignment->getBeginLoc(), "%0 keeps the pointer in '%1' here", DiagnosticIDs::Note)
            << describeFunction(Found->second.first) << Kept->getName();
    });
  }
  if (!Facts)
    return;

  // Across translation units: a call of this one that a handler of another
  // reaches, whose facts name the event it handles ("handler"). Only rules
  // about the event being handled: a kept pointer's store is in another file.
  CrossTuPaths Paths(Analysis, *Facts);
  auto FollowAcross = [&](const CallSite *Here, const FactsCall *There) {
    return Here ? runsCallee(*Here) : remoteRunsCallee(*There);
  };
  SourceManager &Sources = Analysis.context().getSourceManager();
  // One search per function and rule; each of its calls is reported with the path.
  for (size_t Begin = 0, End; Begin < ApiCalls.size(); Begin = End) {
    const FunctionDecl *Function = ApiCalls[Begin].second->Caller;
    for (End = Begin; End < ApiCalls.size() && ApiCalls[End].second->Caller == Function; ++End)
      ;
    llvm::ArrayRef<std::pair<const EventBoundApiSpec *, const CallSite *>> Calls(
        ApiCalls.data() + Begin, End - Begin);
    llvm::SmallPtrSet<const EventBoundApiSpec *, 4> Searched;
    for (const auto &[Rule, First] : Calls) {
      if (Rule->KeptPastHandler || Reported.contains(First->Loc) || !Searched.insert(Rule).second)
        continue;
      std::optional<CrossTuPath> Path = Paths.findCaller(
          Function, nullptr,
          [&, Rule = Rule](llvm::StringRef Usr) {
            const EventHandlerSpec *Handler = Paths.handlerOf(Usr);
            return Handler && Rule->forbiddenIn(Handler->Name);
          },
          FollowAcross);
      if (!Path)
        continue;
      llvm::StringRef Handler = Paths.handlerOf(Path->Root)->Name;
      for (const auto &[Other, Site] : Calls) {
        if (Other != Rule || !Reported.insert(Site->Loc).second)
          continue;
        report(Site->Loc, *Rule, Site->Callee, Handler);
        emitCrossTuPathNotes(*this, Sources, Path->Steps);
      }
    }
  }
  reportStaleFacts(*Facts);
}

} // namespace vss
