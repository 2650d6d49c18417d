//===--- Diagnostics.h - How vss-* checks explain a finding --------------===//

#ifndef VSS_TIDY_DIAGNOSTICS_H
#define VSS_TIDY_DIAGNOSTICS_H

#include "analysis/CallGraph.h"
#include "analysis/CrossTuPaths.h"
#include <clang-tidy/ClangTidyCheck.h>

namespace vss {

/// Emits the note for one step of a call path ("A calls B here").
void emitCallPathNote(clang::tidy::ClangTidyCheck &Check, const CallSite &Step);

/// Emits "F passes 'p' to G here" for each hop of another translation unit
/// (from its facts), in order.
void emitRemoteHopNotes(clang::tidy::ClangTidyCheck &Check, clang::SourceManager &SM,
                        llvm::ArrayRef<FactsHop> Hops);

/// Emits the notes of a call path that crosses translation units, from its
/// root down: "A calls B here", in this file or another.
void emitCrossTuPathNotes(clang::tidy::ClangTidyCheck &Check, clang::SourceManager &SM,
                          llvm::ArrayRef<CrossTuStep> Steps);

} // namespace vss

#endif // VSS_TIDY_DIAGNOSTICS_H
