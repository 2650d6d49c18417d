//===--- ConstantGuards.h - Branches decided by values known on the path --===//
//
// A helper called at the top of every handler with the handler's event,
// enterEvent(Event::Identify), runs only the branches that event takes. When
// a branch condition depends only on values known along the call path
// (constants, parameters bound to constants at the call, calls of functions
// defined in the TU that evaluate to a constant for those arguments, through
// if, switch, && and ||), the branch that cannot run is not followed. The
// evaluation is bounded in depth and in steps; whatever it cannot decide
// keeps both branches.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_CONSTANTGUARDS_H
#define VSS_TIDY_ANALYSIS_CONSTANTGUARDS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace vss {

/// What is known of a function's parameters on entry: (index, value) pairs,
/// sorted by index.
using ParameterValues = llvm::SmallVector<std::pair<unsigned, int64_t>, 2>;

class GuardEvaluator {
public:
  explicit GuardEvaluator(clang::ASTContext &Context);
  ~GuardEvaluator();

  /// The statements of \p Function that cannot run when its parameters have
  /// \p Values: those in branches that the known values decide against.
  /// Empty (and cheap) when nothing is decided.
  const llvm::DenseSet<const clang::Stmt *> &deadStatements(const clang::FunctionDecl *Function,
                                                            const ParameterValues &Values);

  /// The value of \p E, an expression of \p Function, when its parameters
  /// have \p Values; none when it depends on anything else.
  std::optional<int64_t> evaluate(const clang::Expr *E, const clang::FunctionDecl *Function,
                                  const ParameterValues &Values);

  /// The parameters of \p Function worth knowing at a call: those its branch
  /// conditions read, or that it passes on to functions with a body.
  llvm::ArrayRef<unsigned> relevantParameters(const clang::FunctionDecl *Function);

private:
  struct FunctionCFG;
  FunctionCFG *cfgOf(const clang::FunctionDecl *Function);
  std::optional<int64_t> evaluate(const clang::Expr *E, const clang::FunctionDecl *Function,
                                  const ParameterValues &Values, unsigned Depth);
  std::optional<int64_t> returnValue(const clang::FunctionDecl *Function,
                                     const ParameterValues &Values, unsigned Depth);
  /// The blocks of the function that can run with \p Values.
  llvm::BitVector liveBlocks(FunctionCFG &Graph, const clang::FunctionDecl *Function,
                             const ParameterValues &Values, unsigned Depth);

  clang::ASTContext &Context;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionCFG>> CFGs;
  std::map<std::pair<const clang::FunctionDecl *, ParameterValues>,
           llvm::DenseSet<const clang::Stmt *>>
      Dead;
  std::map<std::pair<const clang::FunctionDecl *, ParameterValues>, std::optional<int64_t>> Returns;
  /// std::vector: what relevantParameters returned stays valid while the map
  /// grows (a SmallVector's inline elements would move with it).
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<unsigned>> Relevant;
  /// Steps left for the current top-level question.
  unsigned Budget = 0;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_CONSTANTGUARDS_H
