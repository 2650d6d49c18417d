//===--- WriterFailureInIdentifyCheck.h - vss-writer-failure-in-identify -===//

#ifndef VSS_TIDY_WRITERFAILUREINIDENTIFYCHECK_H
#define VSS_TIDY_WRITERFAILUREINIDENTIFYCHECK_H

#include "analysis/Options.h"
#include <clang-tidy/ClangTidyCheck.h>
#include <vector>

namespace vss {

/// Finds SetWriterFailure, SetWriterFailureEx and IVssComponentEx2::SetFailure
/// calls that can run while a VSS writer handles the Identify event: calls
/// reachable from an OnIdentify or OnIdentifyEx override through any chain of
/// calls in the translation unit.
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-failure-in-identify.rst
class WriterFailureInIdentifyCheck : public clang::tidy::ClangTidyCheck {
public:
  WriterFailureInIdentifyCheck(llvm::StringRef Name,
                               clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// Option ReportingFunctions: the project's own wrappers (qualified names)
  /// that report a writer failure, typically defined in another TU.
  const std::vector<std::string> ReportingFunctionNames;
  const QualifiedNameSet ReportingFunctions;

  clang::ASTContext *Context = nullptr;
  std::vector<const clang::FunctionDecl *> IdentifyHandlers;
};

} // namespace vss

#endif // VSS_TIDY_WRITERFAILUREINIDENTIFYCHECK_H
