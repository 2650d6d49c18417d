//===--- WriterFailureOutsideEventCheck.h - vss-writer-failure-outside-event ===//

#ifndef VSS_TIDY_WRITERFAILUREOUTSIDEEVENTCHECK_H
#define VSS_TIDY_WRITERFAILUREOUTSIDEEVENTCHECK_H

#include "VssCheck.h"

namespace vss {

/// Finds SetWriterFailure and SetWriterFailureEx calls that run while the
/// writer handles no event: calls reachable from a constructor or destructor
/// of a writer class, from a function that calls a writer lifecycle method
/// (Initialize, Subscribe, Unsubscribe, ...), from a program entry point or
/// from a service main registered with StartServiceCtrlDispatcher.
///
/// For the user-facing documentation see:
/// docs/checks/vss-writer-failure-outside-event.rst
class WriterFailureOutsideEventCheck : public VssCheck {
public:
  using VssCheck::VssCheck;

protected:
  void checkTranslationUnit(TranslationUnitAnalysis &Analysis) override;
};

} // namespace vss

#endif // VSS_TIDY_WRITERFAILUREOUTSIDEEVENTCHECK_H
