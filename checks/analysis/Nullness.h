//===--- Nullness.h - Where a pointer parameter is used before a null check ===//
//
// For a pointer parameter that may be null on entry (the components VSS gives
// OnPrepareBackup and three other handlers when the requester selected none),
// the places a function uses it while no check against null has been passed:
// calls through it, and calls that pass it on to a function of the
// translation unit, which is then asked the same of its own parameter. One
// forward dataflow over clang's CFG per function and parameter, computed once.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_NULLNESS_H
#define VSS_TIDY_ANALYSIS_NULLNESS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace vss {

/// A use of a parameter that may still be null.
struct UncheckedUse {
  enum KindType {
    Dereference, ///< A call through it (p->Method()), *p or p[i].
    PassedOn,    ///< Passed as an argument to Callee's parameter CalleeParameter.
  };
  KindType Kind;
  const clang::Expr *Where;
  clang::SourceLocation Loc;                           ///< In a file, out of macro bodies.
  const clang::FunctionDecl *Callee = nullptr;         ///< For PassedOn: its definition.
  const clang::ParmVarDecl *CalleeParameter = nullptr; ///< For PassedOn.
};

class NullnessAnalysis {
public:
  explicit NullnessAnalysis(clang::ASTContext &Context) : Context(Context) {}

  /// The uses of \p Parameter in \p Function's body that no check against
  /// null (if (!p) return, if (p != NULL) {...}, p && ..., a true
  /// CVssWriter::AreComponentsSelected()) protects, in source order, assuming
  /// it may be null on entry. An assignment to the parameter ends the search.
  llvm::ArrayRef<UncheckedUse> uncheckedUses(const clang::FunctionDecl *Function,
                                             const clang::ParmVarDecl *Parameter);

private:
  clang::ASTContext &Context;
  llvm::DenseMap<const clang::ParmVarDecl *, std::vector<UncheckedUse>> Uses;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_NULLNESS_H
