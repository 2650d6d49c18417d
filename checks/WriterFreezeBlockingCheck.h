//===--- WriterFreezeBlockingCheck.h - vss-writer-freeze-blocking --------===//

#ifndef VSS_TIDY_WRITERFREEZEBLOCKINGCHECK_H
#define VSS_TIDY_WRITERFREEZEBLOCKINGCHECK_H

#include "VssCheck.h"

namespace vss {

/// Finds waits without a bounded time-out reachable from OnFreeze or OnThaw,
/// which run inside the requester's freeze window: Windows waits with
/// INFINITE or a time-out at least MaxWaitMilliseconds, and the waits of the
/// standard library that take none (std::thread::join, std::future::get, ...).
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-freeze-blocking.rst
class WriterFreezeBlockingCheck : public VssCheck {
public:
  WriterFreezeBlockingCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;
  /// A helper file that waits has something to report when a freeze handler
  /// of another file reaches it (facts).
  bool checksWithoutVssApi() const override { return true; }

private:
  /// The longest of \p Timeouts that is at least MaxWaitMilliseconds, or null.
  const TracedValue *longestTimeout(const std::vector<TracedValue> &Timeouts) const;
  /// One finding: the wait at \p Loc, its time-out (null: it takes none),
  /// the notes of the path, and where the time-out is written.
  void report(const clang::SourceManager &SM, const clang::CallExpr *Call,
              clang::SourceLocation Loc, const BlockingWaitSpec &Wait, llvm::StringRef Handler,
              const TracedValue *Longest, llvm::function_ref<void()> PathNotes);

  /// A time-out at least this long is reported, like INFINITE.
  const unsigned MaxWaitMilliseconds;
};

} // namespace vss

#endif // VSS_TIDY_WRITERFREEZEBLOCKINGCHECK_H
