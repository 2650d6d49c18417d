//===--- FactsIndex.h - The other translation units, from their facts ----===//
//
// What whole-program analysis reads while one translation unit is checked:
// the summaries vss-facts wrote for the others (docs/facts-format.md), found
// through the callers index (callers/<hash of a USR>/<key of a summary>) and
// parsed only when a question reaches them. A summary of another format
// version is ignored; a stale one (its source changed since) is ignored and
// named once.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_FACTSINDEX_H
#define VSS_TIDY_ANALYSIS_FACTSINDEX_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/StringSaver.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vss {

/// A location in a file another translation unit read (from its facts), for
/// a note there; invalid when the file cannot be opened.
clang::SourceLocation locationIn(clang::SourceManager &SM, llvm::StringRef File, unsigned Line,
                                 unsigned Column);

/// The folder of the callers index entries of \p Usr in a facts folder.
std::string callersIndexFolder(llvm::StringRef FactsDir, llvm::StringRef Usr);

/// The folder of the forwards index entries of \p Usr: the summaries in
/// which the function passes one of its parameters on.
std::string forwardsIndexFolder(llvm::StringRef FactsDir, llvm::StringRef Usr);

/// One call edge from another translation unit's summary.
struct FactsCall {
  std::string Caller;     ///< USR
  std::string CallerName; ///< As the user reads it, e.g. "CSqlWriter::OnIdentify".
  std::string CalleeName;
  std::string Kind; ///< As in the format: "call", "virtual-call", ...
  std::string File;
  unsigned Line = 0, Column = 0;
  /// The constant arguments: (parameter, value), by parameter.
  std::vector<std::pair<unsigned, int64_t>> Constants;
  /// (parameter, value) of the caller that make this call dead (a branch
  /// condition of the caller decides against it).
  std::vector<std::pair<unsigned, int64_t>> DeadWhen;
  /// What the caller catches around the call ("..." for everything).
  std::vector<std::string> Catches;
};

/// One function another translation unit defines.
struct FactsFunction {
  std::string Name;
  std::string Handler; ///< The event handler it is ("OnIdentify"), or empty.
  /// Why it runs while no event is handled, as a finding says it, or empty.
  std::string OutsideEvent;
  /// Declared noexcept: an exception stops (terminates) there.
  bool Noexcept = false;
};

/// Where a parameter is passed on, in another translation unit.
struct FactsHop {
  std::string FunctionName; ///< The function that passes it on.
  std::string Parameter;    ///< Its name there.
  std::string CalleeName;   ///< The function or failure call it goes to.
  std::string File;
  unsigned Line = 0, Column = 0;
};

/// A failure call that an argument reaches unchanged through functions of
/// other translation units, and the hops on the way (the first is in the
/// function called with the argument, the last is the failure call).
struct FactsForwardedFailure {
  std::string Api; ///< The failure call, as the API model names it.
  std::vector<FactsHop> Hops;
};

/// A thread start that a callable argument reaches unchanged, through
/// functions of other translation units, and the hops on the way (the last is
/// the call that hands it to the thread-start API, or to the next function).
struct FactsThreadStart {
  std::string Api; ///< The thread-start API at the end ("QueueUserWorkItem").
  std::vector<FactsHop> Hops;
};

/// One return of a function of another translation unit.
struct FactsReturn {
  enum KindType { Constant, Parameter, Unknown } Kind = Unknown;
  int64_t Value = 0;  ///< Constant: the value (low 32 bits).
  std::string Text;   ///< Constant: as written ("E_FAIL").
  unsigned Index = 0; ///< Parameter: which (0-based).
  std::string File;
  unsigned Line = 0, Column = 0;
};

/// A thread start in another translation unit.
struct FactsThreadStartSite {
  std::string Caller, CallerName; ///< The function that starts the thread.
  std::string Handler;            ///< The event handler the caller is, or empty.
  std::string Api, Underlying;    ///< As in ThreadStart.
  std::string File;
  unsigned Line = 0, Column = 0;
  /// For a start through a wrapper of yet another TU: its hops.
  std::vector<FactsHop> Hops;
};

class FactsIndex {
public:
  /// The facts in \p Folder, for checking the translation unit of \p MainFile
  /// (whose own summary is never read: its code is in the AST).
  FactsIndex(std::string Folder, std::string MainFile);

  /// Empty, or why the folder cannot be used (missing, not a facts folder).
  llvm::StringRef problem() const { return Problem; }

  /// The calls of \p Usr, in other translation units, along which the callee
  /// runs (not the creation of a lambda or the mention of a function).
  const std::vector<FactsCall> &callersOf(llvm::StringRef Usr);

  /// The failure calls that the argument \p Parameter (0-based) of a call of
  /// \p Usr reaches unchanged, through functions defined in other
  /// translation units: a shortest path to each.
  std::vector<FactsForwardedFailure> failuresReachedFrom(llvm::StringRef Usr, unsigned Parameter);

  /// The thread starts that the argument \p Parameter of a call of \p Usr
  /// reaches unchanged, through functions defined in other translation units.
  std::vector<FactsThreadStart> threadStartsReachedFrom(llvm::StringRef Usr, unsigned Parameter);

  /// The returns of \p Usr, defined in another translation unit; none when
  /// no summary says (not defined in user code, a return without a value).
  std::optional<std::vector<FactsReturn>> returnsOf(llvm::StringRef Usr);

  /// The thread starts of other translation units that run \p Usr. Found
  /// once per function.
  const std::vector<FactsThreadStartSite> &threadStartsRunning(llvm::StringRef Usr);

  /// The methods \p Usr overrides, as the summaries read so far say.
  llvm::ArrayRef<std::string> overriddenBy(llvm::StringRef Usr) const;

  /// The function \p Usr, if a summary read so far defines it.
  const FactsFunction *function(llvm::StringRef Usr) const;

  /// The summaries found stale since the last call (their main files).
  std::vector<std::string> takeStale();

  /// The summaries found written in another format version since the last
  /// call (their main files).
  std::vector<std::string> takeOtherVersion();

private:
  /// A location, its file interned.
  struct Where {
    llvm::StringRef File;
    unsigned Line = 0, Column = 0;
  };
  using Pairs = std::vector<std::pair<unsigned, int64_t>>;
  /// What the checks read of a summary, read once from its JSON, which is
  /// not kept (a summary's DOM takes some forty times its compact form). Its
  /// strings are interned in Strings.
  struct Summary {
    bool Usable = false;
    struct Forward {
      unsigned Argument = 0, Parameter = 0;
      llvm::StringRef Name;
      Where At;
    };
    struct Via {
      llvm::StringRef Callee, CalleeName;
      int64_t Argument = -1;
      Where At;
    };
    struct Call {
      llvm::StringRef Caller, Callee, CalleeName, Kind;
      Where At;
      Pairs Constants, DeadWhen;
      std::vector<Forward> Forwards;
      std::vector<llvm::StringRef> Catches;
      std::optional<Via> Through;
    };
    /// A failure call that passes the caller's parameter Index on.
    struct ForwardedFailure {
      llvm::StringRef Caller, Api, Name;
      unsigned Index = 0;
      Where At;
    };
    struct ThreadStartCall {
      llvm::StringRef Caller, Api, Underlying;
      Where At;
      std::vector<llvm::StringRef> Entries;
    };
    struct HandedToThread {
      llvm::StringRef Function, Name, Api, CalleeName;
      unsigned Parameter = 0;
      Where At;
    };
    struct Returns {
      llvm::StringRef Function;
      std::vector<FactsReturn> Values;
    };
    std::vector<Call> Calls;
    std::vector<ForwardedFailure> FailureCalls;
    std::vector<ThreadStartCall> ThreadStarts;
    std::vector<HandedToThread> ThreadStartParameters;
    std::vector<Returns> FunctionReturns;
  };
  const Summary &summary(llvm::StringRef Key);
  /// True when none of \p Inputs (a summary's "inputs") changed size, and
  /// \p MainFile, if among them, kept its text.
  bool inputsFresh(const llvm::json::Array &Inputs, llvm::StringRef MainFile);
  /// True when none of the system headers of the list \p Key changed size;
  /// each list is read once.
  bool systemInputsFresh(llvm::StringRef Key);
  /// Reads the usable parts of a parsed summary into \p Into.
  void load(const llvm::json::Object &Object, Summary &Into);
  Where where(const llvm::json::Object *Location);
  llvm::StringRef intern(std::optional<llvm::StringRef> Text) {
    return Text ? Strings.save(*Text) : llvm::StringRef();
  }
  /// The usable summaries listed in an index folder.
  std::vector<const Summary *> summariesIn(const std::string &IndexFolder);
  /// Follows an argument of a call of \p Usr through the functions that pass
  /// it on ("forwards" in their summaries), breadth first; \p AtNode sees
  /// each summary where a function reached passes its parameter on, with the
  /// path of hops that reached it.
  void followForwards(
      llvm::StringRef Usr, unsigned Parameter,
      llvm::function_ref<void(const Summary &From, llvm::StringRef Function, unsigned Index,
                              llvm::function_ref<std::vector<FactsHop>()> Path)>
          AtNode);
  std::string nameOf(llvm::StringRef Usr) const;
  /// The hop of \p Function passing its parameter \p Parameter to \p Callee.
  FactsHop hop(llvm::StringRef Function, llvm::StringRef Parameter, llvm::StringRef Callee,
               const Where &At) const;
  /// Copies a location into a result (FactsCall, FactsHop, ...).
  template <typename T> static void placeAt(T &Out, const Where &At) {
    Out.File = At.File.str();
    Out.Line = At.Line;
    Out.Column = At.Column;
  }

  std::string Folder, MainFile, Problem;
  llvm::BumpPtrAllocator Allocator;
  llvm::UniqueStringSaver Strings{Allocator};
  llvm::StringMap<std::unique_ptr<Summary>> Summaries;
  llvm::StringMap<FactsFunction> Functions;
  llvm::StringMap<std::vector<std::string>> Overrides;
  /// callersOf's answers, and the sizes of the inputs of the summaries read.
  llvm::StringMap<std::vector<FactsCall>> Callers;
  llvm::StringMap<std::vector<FactsThreadStartSite>> StartsRunning;
  llvm::StringMap<std::optional<uint64_t>> FileSizes;
  llvm::StringMap<bool> SystemInputs;
  std::vector<std::string> Stale, OtherVersion;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_FACTSINDEX_H
