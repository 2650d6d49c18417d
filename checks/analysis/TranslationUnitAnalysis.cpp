//===--- TranslationUnitAnalysis.cpp - Facts shared by every vss check ---===//

#include "TranslationUnitAnalysis.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"
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
