//===--- TranslationUnitAnalysis.cpp - Facts shared by every vss check ---===//

#include "TranslationUnitAnalysis.h"
#include "Names.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>
#include <memory>

namespace vss {
namespace {
thread_local std::unique_ptr<TranslationUnitAnalysis> Current;
} // namespace

TranslationUnitAnalysis &TranslationUnitAnalysis::of(clang::ASTContext &Context) {
  if (!Current || &Current->context() != &Context)
    Current = std::make_unique<TranslationUnitAnalysis>(Context);
  return *Current;
}

void TranslationUnitAnalysis::startTranslationUnit() { Current.reset(); }

namespace {

/// The functions a service table passed to StartServiceCtrlDispatcher names:
/// the argument itself, or the initializer of the variable it names.
llvm::SmallVector<const clang::FunctionDecl *, 2> serviceMainsIn(const clang::Expr *Table) {
  struct Collector : clang::RecursiveASTVisitor<Collector> {
    llvm::SmallVector<const clang::FunctionDecl *, 2> Found;
    llvm::SmallPtrSet<const clang::VarDecl *, 4> Seen;
    // The semantic form of an initializer list holds the conversions.
    bool shouldVisitImplicitCode() const { return true; }
    bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
    // A function named as a pointer (ServiceMain or &ServiceMain), not one
    // called to compute an entry (GetServiceName()).
    bool VisitImplicitCastExpr(clang::ImplicitCastExpr *Cast) {
      if (Cast->getCastKind() == clang::CK_FunctionToPointerDecay)
        take(Cast->getSubExpr());
      return true;
    }
    bool VisitUnaryOperator(clang::UnaryOperator *Op) {
      if (Op->getOpcode() == clang::UO_AddrOf)
        take(Op->getSubExpr());
      return true;
    }
    void take(const clang::Expr *E) {
      if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParens()))
        if (const auto *Function = llvm::dyn_cast<clang::FunctionDecl>(Ref->getDecl()))
          Found.push_back(Function->getCanonicalDecl());
    }
    bool VisitDeclRefExpr(clang::DeclRefExpr *Ref) {
      if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
        if (const clang::Expr *Init = Var->getAnyInitializer(); Init && Seen.insert(Var).second)
          TraverseStmt(const_cast<clang::Expr *>(Init));
      return true;
    }
  } Collect;
  Collect.TraverseStmt(const_cast<clang::Expr *>(Table));
  return Collect.Found;
}

} // namespace

const llvm::DenseMap<const clang::FunctionDecl *, TranslationUnitAnalysis::OutsideEventRoot> &
TranslationUnitAnalysis::outsideEventRoots() {
  using namespace clang;
  if (OutsideEvent)
    return *OutsideEvent;
  OutsideEvent.emplace();
  const VssApiModel &Model = VssApiModel::get();
  auto AddRoot = [&](const FunctionDecl *Function, OutsideEventRoot Root) {
    const FunctionDecl *Definition = nullptr;
    if (!Function || !Function->hasBody(Definition) || !Definition || !isUserFunction(Definition))
      return;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition))
      if (Model.overriddenEventHandler(Method))
        return;
    switch (Root.Kind) {
    case OutsideEventKind::WriterConstructor:
      Root.Reason = "a constructor of writer class '" +
                    sourceQualifiedName(cast<CXXMethodDecl>(Definition)->getParent()) + "'";
      break;
    case OutsideEventKind::WriterDestructor:
      Root.Reason = "a destructor of writer class '" +
                    sourceQualifiedName(cast<CXXMethodDecl>(Definition)->getParent()) + "'";
      break;
    case OutsideEventKind::ProgramEntryPoint:
      Root.Reason = "the program's entry point";
      break;
    case OutsideEventKind::None:
      Root.Reason = Root.Lifecycle.empty() ? "a service main registered with " +
                                                 sourceQualifiedName(Root.Because->Callee)
                                           : "which calls " + Root.Lifecycle.str();
      break;
    }
    OutsideEvent->try_emplace(Definition->getCanonicalDecl(), std::move(Root));
  };
  for (const FunctionDecl *Function : Graph.userFunctions()) {
    if (OutsideEventKind Kind = Model.outsideEventKind(Function); Kind != OutsideEventKind::None)
      AddRoot(Function, {Kind, nullptr, "", ""});
    for (const CallSite &Site : Graph.callSites(Function)) {
      if (Site.Kind != CallEdgeKind::Call && Site.Kind != CallEdgeKind::VirtualCall)
        continue;
      if (llvm::StringRef Lifecycle = Model.writerLifecycleCall(Site.Callee); !Lifecycle.empty())
        AddRoot(Function, {OutsideEventKind::None, &Site, Lifecycle, ""});
      else if (Model.isServiceDispatcherStart(Site.Callee))
        if (const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site); Call && Call->getNumArgs())
          for (const FunctionDecl *ServiceMain : serviceMainsIn(Call->getArg(0)))
            AddRoot(ServiceMain, {OutsideEventKind::None, &Site, "", ""});
    }
  }
  return *OutsideEvent;
}

FactsIndex &TranslationUnitAnalysis::facts(llvm::StringRef Folder) {
  std::unique_ptr<FactsIndex> &Index = Facts[Folder];
  if (!Index) {
    const clang::SourceManager &SM = Context.getSourceManager();
    std::string MainFile;
    if (clang::OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID())) {
      llvm::StringRef Real = Main->getFileEntry().tryGetRealPathName();
      MainFile = (Real.empty() ? Main->getName() : Real).str();
    }
    Index = std::make_unique<FactsIndex>(Folder.str(), std::move(MainFile));
  }
  return *Index;
}

llvm::ArrayRef<TranslationUnitAnalysis::EventHandler> TranslationUnitAnalysis::eventHandlers() {
  if (!Handlers) {
    Handlers.emplace();
    for (const clang::FunctionDecl *Function : Graph.userFunctions()) {
      const auto *Method = llvm::dyn_cast<clang::CXXMethodDecl>(Function);
      const clang::FunctionDecl *Definition = Method ? Method->getDefinition() : nullptr;
      if (!Definition || Definition->isInvalidDecl())
        continue;
      const auto *MethodDefinition = llvm::cast<clang::CXXMethodDecl>(Definition);
      if (const EventHandlerSpec *Spec =
              VssApiModel::get().overriddenEventHandler(MethodDefinition))
        Handlers->push_back({MethodDefinition, Spec});
    }
  }
  return *Handlers;
}

llvm::ArrayRef<const CallSite *> TranslationUnitAnalysis::failureCalls() {
  if (!FailureCalls) {
    FailureCalls.emplace();
    llvm::DenseSet<const clang::Stmt *> Seen;
    for (const clang::FunctionDecl *Function : Graph.userFunctions())
      for (const CallSite &Site : Graph.callSites(Function))
        if (llvm::isa_and_nonnull<clang::CallExpr>(Site.Site) &&
            VssApiModel::get().failureReportingCall(Site.Callee) && Seen.insert(Site.Site).second)
          FailureCalls->push_back(&Site);
    const clang::SourceManager &SM = Context.getSourceManager();
    std::stable_sort(
        FailureCalls->begin(), FailureCalls->end(), [&](const CallSite *A, const CallSite *B) {
          return SM.isBeforeInTranslationUnit(A->Site->getBeginLoc(), B->Site->getBeginLoc());
        });
  }
  return *FailureCalls;
}

} // namespace vss
