//===--- TranslationUnitAnalysis.cpp - Facts shared by every vss check ---===//

#include "TranslationUnitAnalysis.h"
#include <memory>

namespace vss {
namespace {
thread_local std::unique_ptr<TranslationUnitAnalysis> Current;
} // namespace

TranslationUnitAnalysis &TranslationUnitAnalysis::of(clang::ASTContext &Context) {
  if (!Current || &Current->context() != &Context)
    Current = std::make_unique<TranslationUnitAnalysis>(Context);
  return *Current;
}

void TranslationUnitAnalysis::startTranslationUnit() { Current.reset(); }

} // namespace vss
