//===--- VssCheck.cpp - The base of every vss-* check --------------------===//

#include "VssCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <mutex>

using namespace clang::ast_matchers;

namespace vss {

namespace {

/// The folder the tool was started in. clang's tooling changes into each
/// compile command's directory before the checks are made, so it is taken
/// when the module is loaded (static initialization of vss-tidy, vss-clangd
/// or the plugin, before any file is checked).
const std::string &startupDirectory() {
  static const std::string Directory = [] {
    llvm::SmallString<256> Path;
    if (llvm::sys::fs::current_path(Path))
      return std::string();
    return std::string(Path);
  }();
  return Directory;
}
[[maybe_unused]] const bool StartupDirectoryTaken = !startupDirectory().empty();

} // namespace

std::string VssCheck::factsDirectoryOption(llvm::StringRef Value) {
  if (Value.empty() || llvm::sys::path::is_absolute(Value) || startupDirectory().empty())
    return Value.str();
  llvm::SmallString<256> Path(startupDirectory());
  llvm::sys::path::append(Path, Value);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

void VssCheck::registerMatchers(MatchFinder *Finder) {
  // Matched also where the traversal is limited to the main file's
  // declarations (clangd): the translation unit is traversed first.
  Finder->addMatcher(translationUnitDecl(), this);
}

void VssCheck::check(const MatchFinder::MatchResult &Result) {
  // A translation unit without the VSS API is checked only by a check that
  // follows the facts into it from the handlers of others.
  if (model().mayBeUsedIn(*Result.Context) || (!FactsDirectory.empty() && checksWithoutVssApi()))
    Context = Result.Context;
}

void VssCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "VssFactsDirectory", FactsDirectoryOption);
}

FactsIndex *VssCheck::facts(clang::ASTContext &Context) {
  if (FactsDirectory.empty())
    return nullptr;
  FactsIndex &Facts = TranslationUnitAnalysis::of(Context).facts(FactsDirectory);
  if (Facts.problem().empty())
    return &Facts;
  // One warning per folder, not one per check and translation unit.
  static std::mutex Lock;
  static llvm::StringSet<> Warned;
  std::lock_guard<std::mutex> Guard(Lock);
  if (Warned.insert(FactsDirectory).second)
    configurationDiag("cannot use the facts in '%0' (option VssFactsDirectory): %1; the "
                      "check stops at the boundary of the translation unit")
        << FactsDirectory << Facts.problem();
  return nullptr;
}

void VssCheck::reportStaleFacts(FactsIndex &Facts) {
  static std::mutex Lock;
  static llvm::StringSet<> Warned;
  for (const std::string &File : Facts.takeOtherVersion()) {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Warned.insert(File).second)
      configurationDiag("the facts of '%0' were written in another format version of vss-facts "
                        "and are not used; run vss-facts again")
          << File;
  }
  for (const std::string &File : Facts.takeStale()) {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Warned.insert(File).second)
      configurationDiag("the facts of '%0' are stale (it changed since vss-facts ran) and are not "
                        "used; run vss-facts again")
          << File;
  }
}

void VssCheck::onStartOfTranslationUnit() {
  TranslationUnitAnalysis::startTranslationUnit();
  Context = nullptr;
  startTranslationUnit();
}

void VssCheck::onEndOfTranslationUnit() {
  if (Context)
    checkTranslationUnit(TranslationUnitAnalysis::of(*Context));
}

} // namespace vss
