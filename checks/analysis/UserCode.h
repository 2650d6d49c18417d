//===--- UserCode.h - The user's code, apart from the libraries it uses --===//

#ifndef VSS_TIDY_ANALYSIS_USERCODE_H
#define VSS_TIDY_ANALYSIS_USERCODE_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace vss {

/// True for a declaration outside system headers.
bool isUserCode(const clang::Decl *D);

/// True for a declaration of a library: a system header's, or the standard
/// library's (in namespace std, wherever its header is).
bool isLibrary(const clang::Decl *D);

/// Calls \p Visit for every declaration outside system headers, with the
/// members of classes and of template specializations, but never looks into a
/// function body or into a system header's namespace, class or extern block:
/// the walk is linear in the size of the user's code, not of windows.h or <map>.
void forEachUserDecl(const clang::TranslationUnitDecl *TU, const clang::SourceManager &SM,
                     llvm::function_ref<void(const clang::Decl *)> Visit);

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_USERCODE_H
