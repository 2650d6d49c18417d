//===--- VssCheck.cpp - The base of every vss-* check --------------------===//

#include "VssCheck.h"

namespace vss {

void VssCheck::check(const clang::ast_matchers::MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  checkMatch(Result);
}

void VssCheck::onStartOfTranslationUnit() {
  TranslationUnitAnalysis::startTranslationUnit();
  Context = nullptr;
  ApiUse = {};
  startTranslationUnit();
}

void VssCheck::onEndOfTranslationUnit() {
  if (Context)
    checkTranslationUnit(TranslationUnitAnalysis::of(*Context));
}

} // namespace vss
