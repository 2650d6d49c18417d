//===--- WriterFailureInIdentifyCheck.h - vss-writer-failure-in-identify -===//

#ifndef VSS_TIDY_WRITERFAILUREINIDENTIFYCHECK_H
#define VSS_TIDY_WRITERFAILUREINIDENTIFYCHECK_H

#include "Options.h"
#include "VssCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace vss {

/// Finds SetWriterFailure, SetWriterFailureEx and IVssComponentEx2::SetFailure
/// calls that can run while a VSS writer handles the Identify event: calls
/// reachable from an OnIdentify or OnIdentifyEx override through any chain of
/// calls in the translation unit.
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-failure-in-identify.rst
class WriterFailureInIdentifyCheck : public VssCheck {
public:
  WriterFailureInIdentifyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;

private:
  void checkWithinTranslationUnit(
      TranslationUnitAnalysis &Analysis,
      llvm::ArrayRef<const clang::FunctionDecl *> IdentifyHandlers,
      llvm::function_ref<std::string(const clang::FunctionDecl *)> ReportingCallName,
      llvm::DenseSet<clang::SourceLocation> &Reported);
  /// With the facts of the other translation units: the failure calls of
  /// this one that an Identify handler reaches through another.
  void checkAcrossTranslationUnits(
      TranslationUnitAnalysis &Analysis, FactsIndex &Facts,
      llvm::function_ref<std::string(const clang::FunctionDecl *)> ReportingCallName,
      const llvm::DenseSet<clang::SourceLocation> &Reported);

  /// Option ReportingFunctions: the project's own wrappers (qualified names)
  /// that report a writer failure, typically defined in another TU.
  const std::vector<std::string> ReportingFunctionNames;
  const QualifiedNameSet ReportingFunctions;
};

} // namespace vss

#endif // VSS_TIDY_WRITERFAILUREINIDENTIFYCHECK_H
