//===--- ThreadStarts.h - Where user code hands a callable to a thread ---===//
//
// Finds the calls in user code that run a callable on another thread (the
// thread-start APIs of the model, plus the project's own), and resolves the
// callable (a lambda, a function or static member function, a member function
// pointer, a functor object, std::bind) to the functions the thread enters.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_THREADSTARTS_H
#define VSS_TIDY_ANALYSIS_THREADSTARTS_H

#include "CallGraph.h"
#include "VssApiModel.h"
#include <string>
#include <vector>

namespace vss {

/// One place where a callable is handed to another thread.
struct ThreadStart {
  const CallSite *Site;       ///< The call of the thread-start API.
  std::string Api;            ///< Its name, e.g. "CreateThread", "std::thread".
  llvm::SmallVector<const clang::FunctionDecl *, 2> Entries; ///< What the thread runs.
};

/// Finds every thread start in user code. \p Extra adds the project's own
/// thread-start functions.
std::vector<ThreadStart> findThreadStarts(CallGraph &Graph,
                                          llvm::ArrayRef<ThreadStartSpec> Extra);

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_THREADSTARTS_H
