//===--- VssCheck.h - The base of every vss-* check ----------------------===//
//
// Owns what every vss-* check shares: C++ only, the translation unit's shared
// analysis (reset at the start of each translation unit), the ASTContext of
// the matches, and the one way to the VSS API model. A check registers its
// matchers, collects what they match in checkMatch, and reports in
// checkTranslationUnit, once the whole translation unit is known.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_VSSCHECK_H
#define VSS_TIDY_VSSCHECK_H

#include "analysis/Matchers.h"
#include "analysis/TranslationUnitAnalysis.h"
#include "analysis/VssApiModel.h"
#include <clang-tidy/ClangTidyCheck.h>

namespace vss {

class VssCheck : public clang::tidy::ClangTidyCheck {
public:
  VssCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  void onStartOfTranslationUnit() final;
  void onEndOfTranslationUnit() final;

protected:
  /// One match of the check's matchers.
  virtual void checkMatch(const clang::ast_matchers::MatchFinder::MatchResult &Result) {}
  /// The end of a translation unit in which some matcher matched: report.
  virtual void checkTranslationUnit(TranslationUnitAnalysis &Analysis) = 0;
  /// Forget what the previous translation unit left.
  virtual void startTranslationUnit() {}

  /// The one place that knows the VSS writer API.
  static const VssApiModel &model() { return VssApiModel::get(); }

  /// Put first in each matcher the check registers: nothing matches in a
  /// translation unit that cannot use the VSS writer API.
  auto inVssApiTranslationUnit() { return matchers::inVssApiTranslationUnit(&ApiUse); }

private:
  clang::ASTContext *Context = nullptr;
  matchers::VssApiUse ApiUse;
};

} // namespace vss

#endif // VSS_TIDY_VSSCHECK_H
