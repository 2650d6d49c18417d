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

} // namespace matchers
} // namespace vss

#endif // VSS_TIDY_ANALYSIS_MATCHERS_H
