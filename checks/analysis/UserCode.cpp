//===--- UserCode.cpp - The user's code, apart from the libraries it uses -===//

#include "UserCode.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace vss {

bool isUserCode(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return !SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
}

bool isLibrary(const Decl *D) {
  return !isUserCode(D) || D->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace();
}

void forEachUserDecl(const TranslationUnitDecl *TU, const SourceManager &SM,
                     llvm::function_ref<void(const Decl *)> Visit) {
  llvm::SmallVector<const DeclContext *, 32> Worklist{TU};
  llvm::DenseSet<const DeclContext *> Seen;
  auto Push = [&](const DeclContext *Context) {
    if (Context && Seen.insert(Context).second)
      Worklist.push_back(Context);
  };
  while (!Worklist.empty()) {
    const DeclContext *Context = Worklist.pop_back_val();
    for (const Decl *D : Context->decls()) {
      if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
        continue;
      Visit(D);
      if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
        Push(cast<DeclContext>(D));
      } else if (const auto *Record = dyn_cast<CXXRecordDecl>(D)) {
        if (Record->isThisDeclarationADefinition())
          Push(Record);
      } else if (const auto *ClassTemplate = dyn_cast<ClassTemplateDecl>(D)) {
        Push(ClassTemplate->getTemplatedDecl());
        for (const ClassTemplateSpecializationDecl *Specialization :
             ClassTemplate->specializations())
          if (const CXXRecordDecl *Definition = Specialization->getDefinition())
            Push(Definition);
      } else if (const auto *FunctionTemplate = dyn_cast<FunctionTemplateDecl>(D)) {
        Visit(FunctionTemplate->getTemplatedDecl());
        for (const FunctionDecl *Specialization : FunctionTemplate->specializations())
          Visit(Specialization);
      }
    }
  }
}

} // namespace vss
