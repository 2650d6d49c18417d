//===--- FatalErrors.h - A fatal error is a message, not a crash ---------===//
//
// clang's tooling reports some bad input through llvm::report_fatal_error, for
// example a compilation database entry whose "directory" does not exist
// ("Cannot chdir into ..."). Without a handler that aborts with a stack dump,
// which reads like a crash of the tool. As clang's own driver does, print the
// reason as an error and exit 1.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_TOOL_FATALERRORS_H
#define VSS_TIDY_TOOL_FATALERRORS_H

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace vss {

/// Makes llvm::report_fatal_error print "<tool>: error: <reason>" and exit 1.
inline void exitOnFatalErrors(const char *Tool) {
  llvm::install_fatal_error_handler(
      [](void *ToolName, const char *Reason, bool) {
        llvm::outs().flush();
        llvm::errs() << static_cast<const char *>(ToolName) << ": error: " << Reason << "\n";
        llvm::errs().flush();
        llvm::sys::RunInterruptHandlers();
        llvm::sys::Process::Exit(1, /*NoCleanup=*/true);
      },
      const_cast<char *>(Tool));
}

} // namespace vss

#endif // VSS_TIDY_TOOL_FATALERRORS_H
