//===--- WriterFailureOffHandlerThreadCheck.h - vss-writer-failure-off-handler-thread ===//

#ifndef VSS_TIDY_WRITERFAILUREOFFHANDLERTHREADCHECK_H
#define VSS_TIDY_WRITERFAILUREOFFHANDLERTHREADCHECK_H

#include "VssCheck.h"
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
  /// Option ThreadStartFunctions: "qualified::Name:index;..." for the
  /// project's own thread pools (index of the callable argument, -1 = last).
  const std::string ThreadStartOption;
  std::vector<std::string> ThreadStartNames;
  std::vector<ThreadStartSpec> ThreadStartFunctions;
};

} // namespace vss

#endif // VSS_TIDY_WRITERFAILUREOFFHANDLERTHREADCHECK_H
