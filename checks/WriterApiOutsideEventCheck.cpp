//===--- WriterApiOutsideEventCheck.cpp - vss-writer-api-outside-event ---===//

#include "WriterApiOutsideEventCheck.h"
#include "Diagnostics.h"
#include "analysis/Names.h"
#include "analysis/ValueRange.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

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
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
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

void WriterApiOutsideEventCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  CallGraph &Graph = Analysis.callGraph();
  llvm::ArrayRef<TranslationUnitAnalysis::EventHandler> Handlers = Analysis.eventHandlers();
  if (Handlers.empty())
    return;

  // The rules the TU's calls can break, each a set of handlers to start from:
  // one traversal per rule that some call is about, not one per handler.
  llvm::SetVector<const EventBoundApiSpec *> Rules;
  for (const FunctionDecl *Function : Graph.userFunctions())
    for (const CallSite &Site : Graph.callSites(Function))
      if (Site.Kind == CallEdgeKind::Call || Site.Kind == CallEdgeKind::VirtualCall)
        if (const EventBoundApiSpec *Spec = Model.eventBoundApi(Site.Callee))
          Rules.insert(Spec);

  llvm::DenseSet<SourceLocation> Reported;
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
      std::string Api = Rule->DisplayName.str();
      if (Rule->MethodName.empty())
        Api += "::" + Site.Callee->getNameAsString();
      std::string Handler = Model.overriddenEventHandler(Root)->Name.str();
      std::string Remedy =
          Rule->Remedy.empty() ? "call it from " + handlerList(Rule->Handlers) : Rule->Remedy.str();
      if (Rule->KeptPastHandler)
        diag(Site.Loc, "%0 is valid only while the writer handles %1, but this call through a "
                       "pointer kept past it is reached from %2; %3")
            << Api << handlerList(Rule->Handlers) << Handler << Remedy;
      else if (Rule->OnlyIn)
        diag(Site.Loc, "%0 may be called only while the writer handles %1, but this call is "
                       "reached from %2; %3")
            << Api << handlerList(Rule->Handlers) << Handler << Remedy;
      else
        diag(Site.Loc, "%0 must not be called while the writer handles %1, but this call is "
                       "reached from it; %2")
            << Api << Handler << Remedy;
      for (const CallSite *Step : Reached.pathTo(Node))
        emitCallPathNote(*this, *Step);
      if (!Rule->KeptPastHandler)
        return;
      // Where the pointer was kept: an assignment in a handler it is valid in.
      const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site);
      const ValueDecl *Kept = Call ? keptIn(Call) : nullptr;
      if (!Kept)
        return;
      for (const TranslationUnitAnalysis::EventHandler &Valid : Handlers)
        if (!Rule->forbiddenIn(Valid.Spec->Name))
          if (const Expr *Assignment = assignmentIn(Valid.Method, Kept)) {
            diag(Assignment->getBeginLoc(), "%0 keeps the pointer in '%1' here",
                 DiagnosticIDs::Note)
                << describeFunction(Valid.Method) << Kept->getName();
            return;
          }
    });
  }
}

} // namespace vss
