//===--- WriterFailureInvalidHResultCheck.h - vss-writer-failure-invalid-hresult ===//

#ifndef VSS_TIDY_WRITERFAILUREINVALIDHRESULTCHECK_H
#define VSS_TIDY_WRITERFAILUREINVALIDHRESULTCHECK_H

#include "VssCheck.h"
#include "analysis/HResultValues.h"
#include "llvm/ADT/DenseSet.h"

namespace vss {

struct FailureReportingSpec;

/// Finds HRESULTs given to SetWriterFailure, SetWriterFailureEx or
/// IVssComponentEx2::SetFailure that are not writer error codes, following
/// constants, local variables, data members and forwarding wrappers.
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-failure-invalid-hresult.rst
class WriterFailureInvalidHResultCheck : public VssCheck {
public:
  WriterFailureInvalidHResultCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;
  void startTranslationUnit() override;

private:
  void checkCall(const clang::CallExpr *Call, const clang::FunctionDecl *Function,
                 TranslationUnitAnalysis &Analysis);
  /// Calls of functions defined in other translation units that pass an
  /// argument on to a failure call (option VssFactsDirectory).
  void checkAcrossTranslationUnits(TranslationUnitAnalysis &Analysis, FactsIndex &Facts);
  /// Judges the values of an argument that reaches a failure call of \p Spec,
  /// through the hops \p Remote of other translation units if any.
  void judgeValues(const FailureReportingSpec &Spec, const std::vector<TracedValue> &Values,
                   llvm::ArrayRef<FactsHop> Remote, clang::ASTContext &Context);
  void reportInvalid(const FailureReportingSpec &Spec, const clang::Expr *ReportAt,
                     llvm::ArrayRef<const TracedValue *> Invalid, bool SingleValue,
                     llvm::ArrayRef<FactsHop> Remote, clang::ASTContext &Context);
  std::string describeValue(const HResultValue &Value, clang::ASTContext &Context) const;

  /// Option ReportUnprovenValues: also report values that cannot be known.
  const bool ReportUnprovenValues;
  /// Option AcceptRecoveryFailed: accept VSS_E_WRITERERROR_RECOVERY_FAILED.
  const bool AcceptRecoveryFailed;
  /// Option ReportApiResults: report an API's result (its own status).
  const bool ReportApiResults;
  clang::Preprocessor *PP = nullptr;
  llvm::DenseSet<clang::SourceLocation> Reported;
};

} // namespace vss

#endif // VSS_TIDY_WRITERFAILUREINVALIDHRESULTCHECK_H
