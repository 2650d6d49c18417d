//===--- WriterNullComponentsCheck.cpp - vss-writer-null-components ------===//

#include "WriterNullComponentsCheck.h"
#include "analysis/Names.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <deque>

using namespace clang;

namespace vss {

void WriterNullComponentsCheck::checkTranslationUnit(TranslationUnitAnalysis &Analysis) {
  NullnessAnalysis &Nullness = Analysis.nullness();
  const SourceManager &SM = Analysis.context().getSourceManager();

  // Breadth-first over (function, parameter): each is analysed once, however
  // many handlers pass it the components; the first to reach it names the path.
  struct Visit {
    const FunctionDecl *Function;
    const ParmVarDecl *Parameter;
    const CXXMethodDecl *Handler;
    const UncheckedUse *From; ///< The call that passed the pointer; null for the handler.
    const Visit *Caller;
  };
  std::deque<Visit> Visits;
  llvm::DenseSet<const ParmVarDecl *> Seen;
  for (const TranslationUnitAnalysis::EventHandler &Handler : Analysis.eventHandlers()) {
    int Index = Handler.Spec->NullableComponents;
    if (Index < 0 || static_cast<unsigned>(Index) >= Handler.Method->getNumParams())
      continue;
    const ParmVarDecl *Components = Handler.Method->getParamDecl(Index);
    if (Components->getType()->isPointerType() && Seen.insert(Components).second)
      Visits.push_back({Handler.Method, Components, Handler.Method, nullptr, nullptr});
  }

  llvm::DenseSet<SourceLocation> Reported;
  for (size_t I = 0; I < Visits.size(); ++I) {
    const Visit &Current = Visits[I];
    for (const UncheckedUse &Use : Nullness.uncheckedUses(Current.Function, Current.Parameter)) {
      if (Use.Kind == UncheckedUse::PassedOn) {
        if (!SM.isInSystemHeader(Use.Loc) && Seen.insert(Use.CalleeParameter).second)
          Visits.push_back({Use.Callee, Use.CalleeParameter, Current.Handler, &Use, &Visits[I]});
        continue;
      }
      if (!Reported.insert(Use.Loc).second)
        continue;
      std::string Handler = describeFunction(Current.Handler);
      diag(Use.Loc, "'%0' may be null here: VSS gives %1 a null IVssWriterComponents when the "
                    "requester selected no components; check it against null first")
          << Current.Parameter->getName() << Handler;
      // The hops from the handler down, outermost first.
      llvm::SmallVector<const Visit *, 4> Hops;
      for (const Visit *Hop = &Current; Hop->From; Hop = Hop->Caller)
        Hops.push_back(Hop);
      for (const Visit *Hop : llvm::reverse(Hops))
        diag(Hop->From->Loc, "%0 passes '%1' to %2 here without checking it against null",
             DiagnosticIDs::Note)
            << describeFunction(Hop->Caller->Function) << Hop->Caller->Parameter->getName()
            << describeFunction(Hop->Function);
    }
  }
}

} // namespace vss
