//===--- Matchers.h - AST matchers over the VSS API model ----------------===//

#ifndef VSS_TIDY_ANALYSIS_MATCHERS_H
#define VSS_TIDY_ANALYSIS_MATCHERS_H

#include "VssApiModel.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace vss {
namespace matchers {

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
