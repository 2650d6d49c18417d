//===--- WriterApiOutsideEventCheck.h - vss-writer-api-outside-event -----===//

#ifndef VSS_TIDY_WRITERAPIOUTSIDEEVENTCHECK_H
#define VSS_TIDY_WRITERAPIOUTSIDEEVENTCHECK_H

#include "VssCheck.h"

namespace vss {

/// Finds calls of writer APIs that are valid during some events only
/// (GetSnapshotDeviceName, GetIdentifyInformation, IVssComponent::
/// SetRestoreMetadata, ...) reached from the handler of another event, and
/// calls through an IVssCreateWriterMetadata pointer kept past OnIdentify.
/// Which API belongs to which events is the API model's table.
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-api-outside-event.rst
class WriterApiOutsideEventCheck : public VssCheck {
public:
  using VssCheck::VssCheck;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;

private:
  /// The warning at \p Loc, a call of \p Callee that breaks \p Rule,
  /// reached from the handler named \p Handler.
  void report(clang::SourceLocation Loc, const EventBoundApiSpec &Rule,
              const clang::FunctionDecl *Callee, llvm::StringRef Handler);
};

} // namespace vss

#endif // VSS_TIDY_WRITERAPIOUTSIDEEVENTCHECK_H
