//===--- VssCheck.h - The base of every vss-* check ----------------------===//
//
// Owns what every vss-* check shares: C++ only, the translation unit's shared
// analysis (reset at the start of each translation unit), the ASTContext of
// the translation unit, and the one way to the VSS API model. A check asks
// the shared analysis for what it starts from and reports in
// checkTranslationUnit, once the whole translation unit is known.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_VSSCHECK_H
#define VSS_TIDY_VSSCHECK_H

#include "analysis/FactsIndex.h"
#include "analysis/TranslationUnitAnalysis.h"
#include "analysis/VssApiModel.h"
#include <clang-tidy/ClangTidyCheck.h>
#include <memory>

namespace vss {

class VssCheck : public clang::tidy::ClangTidyCheck {
public:
  VssCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context),
        FactsDirectoryOption(Options.getLocalOrGlobal("VssFactsDirectory", "").str()),
        FactsDirectory(factsDirectoryOption(FactsDirectoryOption)) {}

  /// Stores the options every vss check shares; a check that has its own
  /// calls this first.
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  /// One match per translation unit, nothing per node: a check finds what it
  /// starts from through the shared analysis (event handlers, failure calls),
  /// and a translation unit without the VSS writer API costs it nothing.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  void onStartOfTranslationUnit() final;
  void onEndOfTranslationUnit() final;

protected:
  /// The end of a translation unit that may use the VSS writer API: report.
  virtual void checkTranslationUnit(TranslationUnitAnalysis &Analysis) = 0;
  /// Forget what the previous translation unit left.
  virtual void startTranslationUnit() {}
  /// True for a check that has something to report, with the facts of the
  /// other translation units, in one that does not use the VSS API at all
  /// (a helper that throws into another file's handler).
  virtual bool checksWithoutVssApi() const { return false; }

  /// The one place that knows the VSS writer API.
  static const VssApiModel &model() { return VssApiModel::get(); }

  /// The facts of the other translation units (option VssFactsDirectory,
  /// docs/facts-format.md), shared by the checks of the translation unit, or
  /// null when there are none to use: the check then stops at the boundary
  /// of the translation unit.
  FactsIndex *facts(clang::ASTContext &Context);
  /// One warning for each summary found stale: its translation unit is not
  /// followed until vss-facts runs again. Once per file, whichever check
  /// found it.
  void reportStaleFacts(FactsIndex &Facts);

private:
  /// The translation unit's, when it may use the VSS writer API.
  clang::ASTContext *Context = nullptr;
  /// Option VssFactsDirectory, shared by every vss check, as given.
  const std::string FactsDirectoryOption;
  /// The folder it names: a relative path is taken from the folder the tool
  /// was started in, not from the compile command's directory.
  const std::string FactsDirectory;
  static std::string factsDirectoryOption(llvm::StringRef Value);
};

} // namespace vss

#endif // VSS_TIDY_VSSCHECK_H
