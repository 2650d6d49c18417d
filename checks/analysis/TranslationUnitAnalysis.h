//===--- TranslationUnitAnalysis.h - Facts shared by every vss check -----===//
//
// One instance per translation unit, shared by all vss-* checks: the API
// model, the on-demand call graph, and what the checks start from (the event
// handlers and failure calls of user code), found from the graph rather than
// by AST matchers, so that a translation unit costs nothing until a check asks. Checks reach it
// with TranslationUnitAnalysis::of(Context) and reset it at the start of each TU.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_TRANSLATIONUNITANALYSIS_H
#define VSS_TIDY_ANALYSIS_TRANSLATIONUNITANALYSIS_H

#include "CallGraph.h"
#include "Exceptions.h"
#include "FactsIndex.h"
#include "HResultValues.h"
#include "Nullness.h"
#include "VssApiModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace vss {

class TranslationUnitAnalysis {
public:
  /// The analysis of the TU \p Context belongs to, created on first use.
  /// A TU is parsed and checked on one thread (clang-tidy and clangd alike),
  /// so the instance lives in thread-local storage.
  static TranslationUnitAnalysis &of(clang::ASTContext &Context);
  /// Drops the previous TU's analysis; called from onStartOfTranslationUnit.
  static void startTranslationUnit();

  explicit TranslationUnitAnalysis(clang::ASTContext &Context)
      : Context(Context), Graph(Context), Values(Graph) {}

  CallGraph &callGraph() { return Graph; }
  /// The value analysis of HRESULT arguments, over the same call graph.
  HResultValueTracer &values() { return Values; }
  clang::ASTContext &context() const { return Context; }

  /// Every method defined in user code that overrides a writer event
  /// handler, with the handler it overrides. Found once, on first use.
  struct EventHandler {
    const clang::CXXMethodDecl *Method;
    const EventHandlerSpec *Spec;
  };
  llvm::ArrayRef<EventHandler> eventHandlers();

  /// Every call written in user code of a failure-reporting method the model
  /// knows, once each, in source order. Found once, on first use.
  llvm::ArrayRef<const CallSite *> failureCalls();

  /// True for functions whose bodies the analysis follows: user code, not
  /// the VSS API classes themselves.
  bool isUserFunction(const clang::FunctionDecl *Function) const {
    return !VssApiModel::get().isApiFunction(Function);
  }

  /// A function that runs while the writer handles no event (rule 4), and
  /// why: what it is (Kind), or the call that makes it one (Because: of a
  /// lifecycle method in it, or of StartServiceCtrlDispatcher registering
  /// it as a service main).
  struct OutsideEventRoot {
    OutsideEventKind Kind = OutsideEventKind::None;
    const CallSite *Because = nullptr;
    llvm::StringRef Lifecycle; ///< The lifecycle method it calls, if that is why.
    /// Why, as a finding says it ("which calls CVssWriter::Unsubscribe").
    std::string Reason;
  };
  /// Every function of user code that runs while no event is handled, by
  /// canonical declaration; never an event handler. Found once, on first use.
  const llvm::DenseMap<const clang::FunctionDecl *, OutsideEventRoot> &outsideEventRoots();

  /// Where the TU's functions can throw and what catches it. Built on
  /// first use.
  ExceptionAnalysis &exceptions() {
    if (!Exceptions)
      Exceptions = std::make_unique<ExceptionAnalysis>(Context);
    return *Exceptions;
  }

  /// Where pointer parameters that may be null are used unchecked. Built on
  /// first use.
  NullnessAnalysis &nullness() {
    if (!Nullness)
      Nullness = std::make_unique<NullnessAnalysis>(Context);
    return *Nullness;
  }

  /// The facts in \p Folder (whole-program analysis), opened once per
  /// translation unit and shared by every check that reads them, so that a
  /// summary is read once however many checks follow it.
  FactsIndex &facts(llvm::StringRef Folder);

private:
  clang::ASTContext &Context;
  CallGraph Graph;
  HResultValueTracer Values;
  std::optional<std::vector<EventHandler>> Handlers;
  std::optional<std::vector<const CallSite *>> FailureCalls;
  llvm::StringMap<std::unique_ptr<FactsIndex>> Facts;
  std::unique_ptr<ExceptionAnalysis> Exceptions;
  std::unique_ptr<NullnessAnalysis> Nullness;
  std::optional<llvm::DenseMap<const clang::FunctionDecl *, OutsideEventRoot>> OutsideEvent;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_TRANSLATIONUNITANALYSIS_H
