//===--- Diagnostics.cpp - How vss-* checks explain a finding ------------===//

#include "Diagnostics.h"

namespace vss {

void emitCallPathNote(clang::tidy::ClangTidyCheck &Check, const CallSite &Step) {
  const char *Format = "%0 calls %1 here";
  switch (Step.Kind) {
  case CallEdgeKind::Call:
    break;
  case CallEdgeKind::VirtualCall:
    Format = "%0 calls %1 here through a virtual call";
    break;
  case CallEdgeKind::Construction:
    Format = "%0 calls the constructor %1 here";
    break;
  case CallEdgeKind::Destruction:
    Format = "%0 calls the destructor %1 here when the object is destroyed";
    break;
  case CallEdgeKind::LambdaCreation:
    Format = "%0 creates the lambda here";
    break;
  case CallEdgeKind::FunctionReference:
    Format = "%0 passes %1 here as a callback";
    break;
  }
  Check.diag(Step.Loc, Format, clang::DiagnosticIDs::Note)
      << describeFunction(Step.Caller) << describeFunction(Step.Callee);
}

} // namespace vss
