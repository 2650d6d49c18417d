//===--- WriterHandlerExceptionEscapeCheck.h - vss-writer-handler-exception-escape ===//

#ifndef VSS_TIDY_WRITERHANDLEREXCEPTIONESCAPECHECK_H
#define VSS_TIDY_WRITERHANDLEREXCEPTIONESCAPECHECK_H

#include "VssCheck.h"
#include "analysis/Exceptions.h"

namespace vss {

/// Finds exceptions that can escape a VSS writer's event handler: throw
/// expressions, calls of the standard library that throw by contract and
/// allocations tested for null, reachable from a handler through any chain
/// of calls and not caught on the way.
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-handler-exception-escape.rst
class WriterHandlerExceptionEscapeCheck : public VssCheck {
public:
  WriterHandlerExceptionEscapeCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;
  bool checksWithoutVssApi() const override { return true; }

private:
  /// The warning at \p Point, escaping \p HandlerName (or terminating in
  /// \p NoexceptFunction when given), and the note at its test for null.
  void report(const ThrowPoint &Point, llvm::StringRef HandlerName,
              llvm::StringRef NoexceptFunction);

  /// Option ReportAllAllocations: every throwing new is reported, not only
  /// those whose result is tested for null.
  const bool ReportAllAllocations;
};

} // namespace vss

#endif // VSS_TIDY_WRITERHANDLEREXCEPTIONESCAPECHECK_H
