//===--- Diagnostics.cpp - How vss-* checks explain a finding ------------===//

#include "Diagnostics.h"
#include "analysis/Callables.h"
#include "analysis/HResultValues.h"

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
  case CallEdgeKind::CallableInvocation:
    Format = "%0 calls %1 here through '%2'";
    break;
  case CallEdgeKind::CallbackArgument:
    Format = "%0 passes %1 here to %2, which may call it";
    break;
  }
  std::string Through;
  if (const auto *Call = llvm::dyn_cast_or_null<clang::CallExpr>(Step.Site)) {
    const clang::ASTContext &Context = Step.Caller->getASTContext();
    if (Step.Kind == CallEdgeKind::CallableInvocation) {
      if (const clang::Expr *Invoked = CallableFlow::invokedCallable(Call))
        Through = spelledText(Invoked, Context);
    } else if (Step.Kind == CallEdgeKind::CallbackArgument && Call->getDirectCallee()) {
      Through = describeFunction(Call->getDirectCallee());
    }
  }
  Check.diag(Step.Loc, Format, clang::DiagnosticIDs::Note)
      << describeFunction(Step.Caller) << describeFunction(Step.Callee) << Through;
}

void emitRemoteHopNotes(clang::tidy::ClangTidyCheck &Check, clang::SourceManager &SM,
                        llvm::ArrayRef<FactsHop> Hops) {
  for (const FactsHop &Hop : Hops)
    Check.diag(locationIn(SM, Hop.File, Hop.Line, Hop.Column), "%0 passes '%1' to %2 here",
               clang::DiagnosticIDs::Note)
        << Hop.FunctionName << Hop.Parameter << Hop.CalleeName;
}

void emitCrossTuPathNotes(clang::tidy::ClangTidyCheck &Check, clang::SourceManager &SM,
                          llvm::ArrayRef<CrossTuStep> Steps) {
  for (const CrossTuStep &Step : Steps) {
    if (Step.Here)
      emitCallPathNote(Check, *Step.Here);
    else
      Check.diag(locationIn(SM, Step.There.File, Step.There.Line, Step.There.Column),
                 Step.There.Kind == "virtual-call" ? "%0 calls %1 here through a virtual call"
                                                   : "%0 calls %1 here",
                 clang::DiagnosticIDs::Note)
          << Step.There.CallerName << Step.There.CalleeName;
  }
}

} // namespace vss
