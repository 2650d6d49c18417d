//===--- VssCheck.cpp - The base of every vss-* check --------------------===//

#include "VssCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSet.h"
#include <mutex>

using namespace clang::ast_matchers;

namespace vss {

void VssCheck::registerMatchers(MatchFinder *Finder) {
  // Matched also where the traversal is limited to the main file's
  // declarations (clangd): the translation unit is traversed first.
  Finder->addMatcher(translationUnitDecl(), this);
}

void VssCheck::check(const MatchFinder::MatchResult &Result) {
  if (model().mayBeUsedIn(*Result.Context))
    Context = Result.Context;
}

void VssCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "VssFactsDirectory", FactsDirectory);
}

FactsIndex *VssCheck::facts(clang::ASTContext &Context) {
  if (FactsOpened || FactsDirectory.empty())
    return Facts.get();
  FactsOpened = true;
  const clang::SourceManager &SM = Context.getSourceManager();
  std::string MainFile;
  if (clang::OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID())) {
    llvm::StringRef Real = Main->getFileEntry().tryGetRealPathName();
    MainFile = (Real.empty() ? Main->getName() : Real).str();
  }
  Facts = std::make_unique<FactsIndex>(FactsDirectory, MainFile);
  if (!Facts->problem().empty()) {
    // One warning per folder, not one per check and translation unit.
    static std::mutex Lock;
    static llvm::StringSet<> Warned;
    std::lock_guard<std::mutex> Guard(Lock);
    if (Warned.insert(FactsDirectory).second)
      configurationDiag("cannot use the facts in '%0' (option VssFactsDirectory): %1; the "
                        "check stops at the boundary of the translation unit")
          << FactsDirectory << Facts->problem();
    Facts.reset();
  }
  return Facts.get();
}

void VssCheck::reportStaleFacts(FactsIndex &Facts) {
  static std::mutex Lock;
  static llvm::StringSet<> Warned;
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
  Facts.reset();
  FactsOpened = false;
  startTranslationUnit();
}

void VssCheck::onEndOfTranslationUnit() {
  if (Context)
    checkTranslationUnit(TranslationUnitAnalysis::of(*Context));
}

} // namespace vss
