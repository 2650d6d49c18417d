//===--- CrossTuPaths.h - Call paths through other translation units -----===//
//
// With the facts of the other translation units (FactsIndex), the callers of
// a function are those of its own translation unit and those the facts name.
// A check that starts from a call of its translation unit (a failure call)
// searches backwards, breadth first, for a function it is looking for (an
// Identify handler, a thread entry) on a path that crosses into another
// translation unit: the paths within one are the single-TU analysis's.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_CROSSTUPATHS_H
#define VSS_TIDY_ANALYSIS_CROSSTUPATHS_H

#include "ConstantGuards.h"
#include "FactsIndex.h"
#include "TranslationUnitAnalysis.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace vss {

/// One call on a path: in this translation unit (Here) or in another (There).
struct CrossTuStep {
  const CallSite *Here = nullptr;
  FactsCall There;
};

/// A path from Root (a USR) down to the function the search started from.
struct CrossTuPath {
  std::string Root;
  std::vector<CrossTuStep> Steps;
};

/// The edges of another translation unit along which the callee runs as
/// part of the caller (not the creation of a lambda, the mention of a
/// function), as runsCallee says of a CallSite.
bool remoteRunsCallee(const FactsCall &Call);
/// The edges of another translation unit along which the callee runs before
/// the call returns, as runsWithinCall says of a CallSite.
bool remoteRunsWithinCall(const FactsCall &Call);

class CrossTuPaths {
public:
  CrossTuPaths(TranslationUnitAnalysis &Analysis, FactsIndex &Facts);

  /// The function of this translation unit with USR \p Usr (one it defines or
  /// calls), or null.
  const clang::FunctionDecl *local(llvm::StringRef Usr) const { return Local.lookup(Usr); }

  /// The event handler the function with USR \p Usr is: by the facts of its
  /// translation unit, or one of this translation unit's handlers; null for
  /// any other function.
  const EventHandlerSpec *handlerOf(llvm::StringRef Usr);

  /// How a finding names the function with USR \p Usr, where a path starts:
  /// as the facts of its translation unit name it, or as this one does.
  std::string rootName(llvm::StringRef Usr) const;

  /// A shortest path that ends at \p StartCall, a call in \p Start, and
  /// begins at a function \p IsRoot accepts, through at least one call of
  /// another translation unit; none when there is none. A call whose constant
  /// arguments decide a branch of the callee against the path (a bool or enum
  /// parameter tested there) is not followed.
  /// \p Follow, when given, decides which calls the path may take: a call
  /// of this TU (Here) or of another (There).
  std::optional<CrossTuPath> findCaller(
      const clang::FunctionDecl *Start, const clang::Stmt *StartCall,
      llvm::function_ref<bool(llvm::StringRef Usr)> IsRoot,
      llvm::function_ref<bool(const CallSite *Here, const FactsCall *There)> Follow = nullptr);

private:
  /// The constant integer arguments of a call of this TU, by parameter.
  ParameterValues constantArguments(const CallSite &Site);

  TranslationUnitAnalysis &Analysis;
  FactsIndex &Facts;
  /// This TU's functions by USR: the callees of its calls and its own
  /// functions, so that a path can come back into it through a function
  /// another TU calls.
  llvm::StringMap<const clang::FunctionDecl *> Local;
  /// This TU's event handlers, by canonical declaration; built on first use.
  std::optional<llvm::DenseMap<const clang::FunctionDecl *, const EventHandlerSpec *>>
      LocalHandlers;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_CROSSTUPATHS_H
