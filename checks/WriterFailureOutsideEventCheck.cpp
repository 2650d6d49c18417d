//===--- WriterFailureOutsideEventCheck.cpp - vss-writer-failure-outside-event ===//

#include "WriterFailureOutsideEventCheck.h"
#include "Diagnostics.h"
#include "analysis/Names.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace vss {

namespace {

/// Why a root of the traversal runs outside events, for the warning and its
/// first note.
struct OutsideEventRoot {
  OutsideEventKind Kind = OutsideEventKind::None;
  /// The call that makes it a root: of a lifecycle method in it, or of
  /// StartServiceCtrlDispatcher that registers it (a service main).
  const CallSite *Because = nullptr;
  llvm::StringRef Lifecycle; ///< The lifecycle method it calls, if that is why.
};

/// The functions a service table passed to StartServiceCtrlDispatcher names:
/// the argument itself, or the initializer of the variable it names.
llvm::SmallVector<const FunctionDecl *, 2> serviceMainsIn(const Expr *Table) {
  struct Collector : RecursiveASTVisitor<Collector> {
    llvm::SmallVector<const FunctionDecl *, 2> Found;
    llvm::SmallPtrSet<const VarDecl *, 4> Seen;
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
        Found.push_back(Function->getCanonicalDecl());
      else if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->getInit() && Seen.insert(Var).second)
          TraverseStmt(const_cast<Expr *>(Var->getInit()));
      return true;
    }
  } Collect;
  Collect.TraverseStmt(const_cast<Expr *>(Table));
  return Collect.Found;
}

} // namespace

void WriterFailureOutsideEventCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  const VssApiModel &Model = model();
  CallGraph &Graph = Analysis.callGraph();

  // The roots: functions that run while no event is handled, by what they
  // are or what they call. An event handler is never one.
  llvm::DenseMap<const FunctionDecl *, OutsideEventRoot> Why;
  std::vector<const FunctionDecl *> Roots;
  auto AddRoot = [&](const FunctionDecl *Function, OutsideEventRoot Root) {
    const FunctionDecl *Definition = nullptr;
    if (!Function || !Function->hasBody(Definition) || !Definition ||
        !Analysis.isUserFunction(Definition))
      return;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition))
      if (Model.overriddenEventHandler(Method))
        return;
    if (Why.try_emplace(Definition->getCanonicalDecl(), Root).second)
      Roots.push_back(Definition);
  };
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    if (OutsideEventKind Kind = Model.outsideEventKind(Function); Kind != OutsideEventKind::None)
      AddRoot(Function, {Kind, nullptr, ""});
    for (const CallSite &Site : Graph.callSites(Function)) {
      if (Site.Kind != CallEdgeKind::Call && Site.Kind != CallEdgeKind::VirtualCall)
        continue;
      if (llvm::StringRef Lifecycle = Model.writerLifecycleCall(Site.Callee); !Lifecycle.empty())
        AddRoot(Function, {OutsideEventKind::None, &Site, Lifecycle});
      else if (Model.isServiceDispatcherStart(Site.Callee))
        if (const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site); Call && Call->getNumArgs())
          for (const FunctionDecl *ServiceMain : serviceMainsIn(Call->getArg(0)))
            AddRoot(ServiceMain, {OutsideEventKind::None, &Site, ""});
    }
  }
  if (Roots.empty())
    return;

  auto BoundToEvent = [&](const FunctionDecl *Callee) {
    const FailureReportingSpec *Spec = Model.failureReportingCall(Callee);
    return Spec && Spec->BoundToEvent ? Spec : nullptr;
  };
  Reachability Reached = Graph.reachableFrom(Roots, runsCallee, [&](const FunctionDecl *Function) {
    return Analysis.isUserFunction(Function) && !BoundToEvent(Function);
  });
  llvm::DenseSet<SourceLocation> Reported;
  Graph.forEachReachedCall(Reached, [&](const CallSite &Site, ReachedFunction Node) {
    const FailureReportingSpec *Spec = BoundToEvent(Site.Callee);
    if (!Spec || !Reported.insert(Site.Loc).second)
      return;
    const FunctionDecl *Root = Reached.rootOf(Node);
    const OutsideEventRoot &Because = Why.find(Root->getCanonicalDecl())->second;
    std::string RootName = describeFunction(Root);
    std::string Reason;
    switch (Because.Kind) {
    case OutsideEventKind::WriterConstructor:
      Reason = "a constructor of writer class '" +
               sourceQualifiedName(cast<CXXConstructorDecl>(Root)->getParent()) + "'";
      break;
    case OutsideEventKind::WriterDestructor:
      Reason = "a destructor of writer class '" +
               sourceQualifiedName(cast<CXXDestructorDecl>(Root)->getParent()) + "'";
      break;
    case OutsideEventKind::ProgramEntryPoint:
      Reason = "the program's entry point";
      break;
    case OutsideEventKind::None:
      Reason = Because.Lifecycle.empty() ? "a service main registered with " +
                                               sourceQualifiedName(Because.Because->Callee)
                                         : "which calls " + Because.Lifecycle.str();
      break;
    }
    diag(Site.Loc, "%0 records the failure of the event being handled, but this call runs "
                   "while no event is handled (reached from %1, %2); log the error or return it "
                   "to the caller instead")
        << Spec->DisplayName.str() << RootName << Reason;
    if (Because.Because) {
      if (Because.Lifecycle.empty())
        diag(Because.Because->Loc, "%0 registers %1 with %2 here", DiagnosticIDs::Note)
            << describeFunction(Because.Because->Caller) << RootName
            << sourceQualifiedName(Because.Because->Callee);
      else
        diag(Because.Because->Loc, "%0 calls %1 here", DiagnosticIDs::Note)
            << RootName << Because.Lifecycle.str();
    }
    for (const CallSite *Step : Reached.pathTo(Node))
      emitCallPathNote(*this, *Step);
  });
}

} // namespace vss
