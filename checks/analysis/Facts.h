//===--- Facts.h - What one translation unit tells the others ------------===//
//
// The summary of a translation unit that whole-program analysis reads in the
// others (docs/facts-format.md): the functions it defines, keyed by USR, their
// call edges, failure calls, thread starts and overrides, the constants passed
// at call sites, and the files the translation unit read (to tell when the
// summary is stale). Written by vss-facts, one JSON file per translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_FACTS_H
#define VSS_TIDY_ANALYSIS_FACTS_H

#include "clang/AST/ASTContext.h"
#include "llvm/Support/JSON.h"
#include <string>

namespace vss {

/// The version of the facts format; a reader ignores any other.
constexpr int FactsFormatVersion = 3;

/// The hash of a file's text that a summary records for each input.
std::string contentHash(llvm::StringRef Text);

/// The file of a facts folder that lists the system headers named \p Key
/// (a summary's "system_inputs"): FACTS_DIR/inputs/<Key>.json.
std::string systemInputsPath(llvm::StringRef FactsDir, llvm::StringRef Key);

/// The USR of \p Decl (clang's Unified Symbol Resolution): the same in every
/// translation unit that declares it. Empty when clang has none.
std::string usrOf(const clang::Decl *Decl);

/// The summary of the translation unit of \p Context (see the file comment).
/// \p CommandKey identifies the compile command it was parsed with. Its
/// "system_inputs" is the array of the system headers read, which vss-facts
/// replaces with the name of the file it stores them in
/// (systemInputsPath).
llvm::json::Object summarizeTranslationUnit(clang::ASTContext &Context, llvm::StringRef CommandKey);

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_FACTS_H
