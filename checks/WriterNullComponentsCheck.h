//===--- WriterNullComponentsCheck.h - vss-writer-null-components --------===//

#ifndef VSS_TIDY_WRITERNULLCOMPONENTSCHECK_H
#define VSS_TIDY_WRITERNULLCOMPONENTSCHECK_H

#include "VssCheck.h"

namespace vss {

/// Finds calls through the IVssWriterComponents pointer given to
/// OnPrepareBackup, OnPostSnapshot, OnBackupComplete and OnPostRestore, in
/// the handler or in a function it passes the pointer to, on a path where no
/// check against null protects it: VSS passes null when the requester
/// selected no components.
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-null-components.rst
class WriterNullComponentsCheck : public VssCheck {
public:
  using VssCheck::VssCheck;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;
};

} // namespace vss

#endif // VSS_TIDY_WRITERNULLCOMPONENTSCHECK_H
