//===--- VssCheck.cpp - The base of every vss-* check --------------------===//

#include "VssCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

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
