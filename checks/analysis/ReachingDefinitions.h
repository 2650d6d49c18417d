//===--- ReachingDefinitions.h - Which assignments reach a use -----------===//
//
// A forward dataflow over clang's CFG of one function: for a local variable
// and a statement, the definitions of the variable that can reach the
// statement along some path (its initializer, plain assignments, and writes
// that cannot be followed, such as passing it by reference).
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_REACHINGDEFINITIONS_H
#define VSS_TIDY_ANALYSIS_REACHINGDEFINITIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace vss {

/// One definition of a variable that reaches a use.
struct VariableDefinition {
  enum KindType {
    Entry,      ///< The value on entry to the function (a parameter's argument).
    Assignment, ///< An initializer or plain assignment: Value is the new value.
    Unknown,    ///< A write the analysis does not follow (by reference, +=, ...).
  };
  KindType Kind;
  const clang::Expr *Value = nullptr; ///< For Assignment.
  const clang::Stmt *Where = nullptr; ///< The defining statement (null for Entry).
};

/// The CFG of one function and the dataflow over it, built once per function.
class FunctionDataflow {
public:
  static std::unique_ptr<FunctionDataflow> build(const clang::FunctionDecl *Function,
                                                 clang::ASTContext &Context);

  /// The definitions of \p Var that reach the evaluation of \p Use (a
  /// statement of this function). Empty when \p Use is not in the CFG.
  llvm::SmallVector<VariableDefinition, 4> reachingDefinitions(const clang::VarDecl *Var,
                                                               const clang::Stmt *Use);

private:
  struct Position {
    const clang::CFGBlock *Block;
    unsigned Index;
  };
  /// The definitions of Var made by one CFG element, if any.
  std::optional<VariableDefinition> definitionIn(const clang::Stmt *S, const clang::VarDecl *Var) const;

  const clang::FunctionDecl *Function = nullptr;
  std::unique_ptr<clang::CFG> Graph;
  llvm::DenseMap<const clang::Stmt *, Position> Positions;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_REACHINGDEFINITIONS_H
