//===--- Matchers.h - AST matchers over the VSS API model ----------------===//

#ifndef VSS_TIDY_ANALYSIS_MATCHERS_H
#define VSS_TIDY_ANALYSIS_MATCHERS_H

#include "VssApiModel.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace vss {
namespace matchers {

/// Whether the translation unit being matched may use the VSS writer API,
/// decided once per translation unit (VssApiModel::mayBeUsedIn).
struct VssApiUse {
  const clang::ASTContext *Context = nullptr;
  bool MayBeUsed = false;
};

/// Matches any node of a translation unit that may use the VSS writer API.
/// First in every matcher of a vss check: in a translation unit without the
/// API, and most of a project's are, each node then costs one comparison.
AST_POLYMORPHIC_MATCHER_P(inVssApiTranslationUnit,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(clang::Decl, clang::Stmt), VssApiUse *,
                          Use) {
  const clang::ASTContext &Context = Finder->getASTContext();
  if (Use->Context != &Context) {
    Use->Context = &Context;
    Use->MayBeUsed = VssApiModel::get().mayBeUsedIn(Context);
  }
  return Use->MayBeUsed;
}

/// Matches a method that overrides a writer event handler (OnIdentify, OnFreeze, ...),
/// however its declaration is spelled.
AST_MATCHER(clang::CXXMethodDecl, overridesVssEventHandler) {
  return VssApiModel::get().overriddenEventHandler(&Node) != nullptr;
}

/// Matches a call of a failure-reporting method whose HRESULT argument rule 2
/// (docs/vss-writer-rules.md) judges: SetWriterFailure, SetWriterFailureEx,
/// IVssComponentEx2::SetFailure.
AST_MATCHER(clang::CallExpr, isVssFailureCallWithHResult) {
  const FailureReportingSpec *Spec =
      VssApiModel::get().failureReportingCall(Node.getDirectCallee());
  return Spec && Spec->HResultArgument >= 0 &&
         static_cast<unsigned>(Spec->HResultArgument) < Node.getNumArgs();
}

} // namespace matchers
} // namespace vss

#endif // VSS_TIDY_ANALYSIS_MATCHERS_H
