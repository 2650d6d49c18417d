//===--- ReachingDefinitions.h - Which values reach a read ---------------===//
//
// One forward dataflow over clang's CFG of one function, computed once: for
// every read of a local variable or parameter of integer type, the
// definitions that reach it (its initializer, plain assignments, and writes
// that cannot be followed), each with the values the branch conditions on the
// way still allow (FAILED(hr), hr != S_OK, case labels, ...). Reads of the
// function's own data members (this->m_hr) get the values the conditions
// allow. Whether a use writes the variable is decided as clang's own tools
// decide it: a read of its value never writes; everything else is asked of
// clang's ExprMutationAnalyzer.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_REACHINGDEFINITIONS_H
#define VSS_TIDY_ANALYSIS_REACHINGDEFINITIONS_H

#include "ValueRange.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <vector>

namespace vss {

/// One definition of a variable that reaches a read.
struct ReachingDefinition {
  enum KindType {
    Entry,      ///< The value on entry to the function (a parameter's argument).
    Assignment, ///< An initializer or plain assignment: Value is the new value.
    Unknown,    ///< A write the analysis does not follow (by reference, +=, ...).
  };
  KindType Kind;
  const clang::Expr *Value = nullptr; ///< For Assignment.
  const clang::Stmt *Where = nullptr; ///< The defining statement (null for Entry).
  /// The values the variable can still have at the read, by the conditions
  /// between the definition and the read.
  ValueRange Range;
};

/// The CFG of one function and the dataflow over it, built once per function;
/// every query afterwards is a lookup.
class FunctionDataflow {
public:
  /// \p Mutations is shared by every function of the translation unit (it
  /// memoizes what ExprMutationAnalyzer found about callee parameters).
  static std::unique_ptr<FunctionDataflow> build(const clang::FunctionDecl *Function,
                                                 clang::ASTContext &Context,
                                                 clang::ExprMutationAnalyzer::Memoized &Mutations);

  /// The definitions that reach \p Use, a read of a local variable or
  /// parameter of this function, in source order. None when the dataflow did
  /// not see the read: it is not in the function's CFG (unreachable code,
  /// another function's body) or the variable is not one the dataflow follows.
  std::optional<llvm::ArrayRef<ReachingDefinition>>
  definitionsAt(const clang::DeclRefExpr *Use) const;

  /// The values the conditions on the way leave to \p Use, a read of a data
  /// member of *this in this function; every value when nothing is known.
  ValueRange rangeAt(const clang::MemberExpr *Use) const;

private:
  FunctionDataflow() = default;
  friend class DataflowBuilder;

  /// Sorts the reads for lookup, once they are all recorded.
  void index();

  /// Every read seen, sorted by Use once built: its definitions are
  /// Definitions[Begin, End). Flat vectors: a function costs what it reads.
  struct VariableRead {
    const clang::DeclRefExpr *Use;
    unsigned Begin, End;
  };
  std::vector<VariableRead> VariableReads;
  std::vector<ReachingDefinition> Definitions;
  std::vector<std::pair<const clang::MemberExpr *, ValueRange>> MemberReads;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_REACHINGDEFINITIONS_H
