//===--- ThreadStarts.h - Where user code hands a callable to a thread ---===//
//
// Finds the calls in user code that run a callable on another thread, and
// the functions the thread enters. A thread start is a call of a
// thread-start API of the model (or of the project's own, from an option), or
// a call of any function that passes one of its parameters on to a thread
// start, at any depth: the project's own wrappers (RunInBackground,
// ThreadPool::Submit) and the standard library's (vector<thread>::emplace_back,
// make_unique<thread>) are inferred, not listed. What the thread runs is
// resolved with the callable model: a lambda, a function, a member function
// pointer, a functor, std::bind, and whatever a local, parameter, member or
// container that reaches the call holds.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_THREADSTARTS_H
#define VSS_TIDY_ANALYSIS_THREADSTARTS_H

#include "CallGraph.h"
#include "FactsIndex.h"
#include "VssApiModel.h"
#include <string>
#include <vector>

namespace vss {

/// One step by which a wrapper hands a callable on: Site passes the
/// wrapper's parameter Param on to the next function.
struct ThreadStartStep {
  const CallSite *Site;
  const clang::ParmVarDecl *Param;
};

/// One place where a callable is handed to another thread.
struct ThreadStart {
  const CallSite *Site; ///< The call in user code.
  std::string Api;      ///< What it calls, e.g. "CreateThread", "RunInBackground".
  /// The thread-start API that finally starts the thread ("std::thread");
  /// the same as Api unless the call goes through a wrapper.
  std::string Underlying;
  /// The wrappers' steps in user code, from the called wrapper down.
  llvm::SmallVector<ThreadStartStep, 2> Steps;
  /// The steps in other translation units (from their facts), after Steps.
  std::vector<FactsHop> RemoteSteps;
  llvm::SmallVector<const clang::FunctionDecl *, 2> Entries; ///< What the thread runs.
};

/// Finds every thread start in user code. \p Extra adds the project's own
/// thread-start functions (for those whose body the TU does not have). With
/// \p Facts, a function defined in another translation unit is a wrapper
/// when its facts say it hands a parameter to a thread.
std::vector<ThreadStart> findThreadStarts(CallGraph &Graph, llvm::ArrayRef<ThreadStartSpec> Extra,
                                          FactsIndex *Facts = nullptr);

/// A parameter that a user function hands to a thread it starts (itself or
/// through the functions it passes the parameter to): what the facts of a
/// translation unit record for the others.
struct ThreadStartParameter {
  const clang::FunctionDecl *Function;
  const clang::ParmVarDecl *Param;
  std::string Api;          ///< The thread-start API at the end.
  const clang::Expr *Where; ///< The argument that passes it on, in Function.
};
std::vector<ThreadStartParameter> findThreadStartParameters(CallGraph &Graph);

/// True for the parameter types whose callable the facts of a translation
/// unit follow into other translation units: a function, function pointer or
/// member function pointer, an object with a call operator (a functor,
/// std::function, a lambda), a template parameter, and void * (the context of
/// CreateThread and its kin). A pointer to an object and an object without a
/// call operator are not followed: they rarely carry what a thread runs, and
/// following every one would read half the project's facts.
bool mayCarryCallable(clang::QualType Type);

/// For std::async(std::launch::deferred, f): f, which runs on the thread that
/// waits for the result, not on a new one. Null for every other call.
const clang::Expr *deferredCallable(const clang::CallExpr *Call, const clang::ASTContext &Context);

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_THREADSTARTS_H
