//===--- Writes.h - Whether a use of a variable writes it ----------------===//
//
// Whether a use of a variable or data member in one function body may change
// it, decided as clang's own tools decide it: clang's ExprMutationAnalyzer
// over the full expression, and FunctionParmMutationAnalyzer for a non-const
// reference handed to a function whose body the TU has. Shared by the
// dataflow of local variables and the collection of data member writes.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_WRITES_H
#define VSS_TIDY_ANALYSIS_WRITES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include <memory>
#include <optional>
#include <vector>

namespace vss {

/// Limits the AST that parent queries see to some declarations, for as long
/// as it lives. ExprMutationAnalyzer's matchers ask for parents; without a
/// scope the first question builds the parent map of the whole translation
/// unit, windows.h included.
class ScopedTraversal {
public:
  ScopedTraversal(clang::ASTContext &Context, const std::vector<clang::Decl *> &Scope);
  ~ScopedTraversal();
  ScopedTraversal(const ScopedTraversal &) = delete;
  ScopedTraversal &operator=(const ScopedTraversal &) = delete;

private:
  clang::ASTContext &Context;
  std::vector<clang::Decl *> Saved;
};

/// The writes of one function body. Cheap to create: the parent map and the
/// traversal scope are set up on the first question only.
class WriteAnalysis {
public:
  /// \p Mutations is shared by every function of the translation unit.
  WriteAnalysis(const clang::FunctionDecl *Definition, clang::ASTContext &Context,
                clang::ExprMutationAnalyzer::Memoized &Mutations);
  ~WriteAnalysis();

  /// True when \p Use, a DeclRefExpr or MemberExpr of this body that does not
  /// just read the value (it is not under an lvalue-to-rvalue conversion),
  /// may change what it names.
  bool mayWrite(const clang::Expr *Use);

  /// Ends the traversal scope once every question has been asked.
  void finish();

private:
  const clang::Stmt *fullExpressionOf(const clang::Stmt *Use);
  bool isWrittenThroughAlias(const clang::Expr *Use);
  bool isUnmodifiedByCallee(const clang::Expr *Use, const clang::Stmt *Mutation);
  std::vector<clang::Decl *> traversalScope() const;

  const clang::FunctionDecl *Function;
  clang::ASTContext &Context;
  clang::ExprMutationAnalyzer::Memoized &Mutations;
  std::unique_ptr<clang::ParentMap> Parents;
  std::unique_ptr<clang::ExprMutationAnalyzer> BodyAnalyzer;
  std::optional<ScopedTraversal> Scope;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_WRITES_H
