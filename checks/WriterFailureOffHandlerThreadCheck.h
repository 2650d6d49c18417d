//===--- WriterFailureOffHandlerThreadCheck.h - vss-writer-failure-off-handler-thread ===//

#ifndef VSS_TIDY_WRITERFAILUREOFFHANDLERTHREADCHECK_H
#define VSS_TIDY_WRITERFAILUREOFFHANDLERTHREADCHECK_H

#include "VssCheck.h"
#include "analysis/ThreadStarts.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace vss {

/// Finds SetWriterFailure, SetWriterFailureEx and GetSessionId calls that run
/// on a thread other than the one that called the event handler: calls
/// reachable from a callable handed to a thread-start API (std::thread,
/// CreateThread, thread pools, timers, PPL tasks, ...).
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-failure-off-handler-thread.rst
class WriterFailureOffHandlerThreadCheck : public VssCheck {
public:
  WriterFailureOffHandlerThreadCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;

private:
  /// Failure calls reached from the thread entries of this translation unit.
  void checkWithinTranslationUnit(TranslationUnitAnalysis &Analysis,
                                  const std::vector<ThreadStart> &Starts,
                                  llvm::DenseSet<clang::SourceLocation> &Reported);
  /// Failure calls of this translation unit reached from a thread entry
  /// through functions of other translation units (option VssFactsDirectory).
  void checkAcrossTranslationUnits(TranslationUnitAnalysis &Analysis, FactsIndex &Facts,
                                   const std::vector<ThreadStart> &Starts,
                                   const llvm::DenseSet<clang::SourceLocation> &Reported);
  /// The warning at \p Failure and the notes of \p Start, a start of this TU.
  void reportLocalStart(const FailureReportingSpec &Spec, const CallSite &Failure,
                        const ThreadStart &Start, TranslationUnitAnalysis &Analysis);

  /// Option ThreadStartFunctions: "qualified::Name:index;..." for the
  /// project's own thread pools (index of the callable argument, -1 = last).
  const std::string ThreadStartOption;
  std::vector<std::string> ThreadStartNames;
  std::vector<ThreadStartSpec> ThreadStartFunctions;
};

} // namespace vss

#endif // VSS_TIDY_WRITERFAILUREOFFHANDLERTHREADCHECK_H
