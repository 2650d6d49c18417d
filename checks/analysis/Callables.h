//===--- Callables.h - Where the callables of a translation unit go ------===//
//
// Creating a callable is not calling it. This is the model of where lambdas,
// functions, member function pointers and functor objects go once created:
// into locals, parameters, data members, containers and return values, and
// through copies, moves and type-erasing wrappers (std::function,
// std::packaged_task). A place that holds callables runs them where it is
// invoked (operator() of std::function, a call through a function pointer,
// std::invoke). Built once per translation unit, on first use, over the
// bodies of user code: a flow-insensitive set of callables per place, solved
// by propagation along the copies between places.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_CALLABLES_H
#define VSS_TIDY_ANALYSIS_CALLABLES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace vss {

class CallGraph;

/// The functions a callable can run.
using CallableTargets = llvm::SmallVector<const clang::FunctionDecl *, 2>;

class CallableFlow {
public:
  explicit CallableFlow(CallGraph &Graph);
  ~CallableFlow();

  /// The functions \p E runs when it is called, as a callable: a lambda's
  /// call operator, a function or member function named, a functor's call
  /// operators (every override of a virtual one), what a std::bind or a
  /// wrapper was made from, and whatever the place \p E reads (a local, a
  /// parameter, a member, a container's element) can hold anywhere in the TU.
  CallableTargets targetsOf(const clang::Expr *E);

  /// For a call that runs a stored callable (through a function pointer, the
  /// operator() of std::function, std::invoke): the expression that holds
  /// it. Null for other calls, whose callee is known directly.
  static const clang::Expr *invokedCallable(const clang::CallExpr *Call);

  /// The parameter of \p Function that \p E passes on unchanged (through
  /// std::move, std::forward, copies and wrappers), if any.
  static const clang::ParmVarDecl *forwardedParameter(const clang::Expr *E,
                                                      const clang::FunctionDecl *Function);

  /// True when \p E's type can hold a callable at all (not an arithmetic
  /// value): a cheap test before asking targetsOf.
  static bool mayBeCallable(const clang::Expr *E);

  /// \p E without the nodes that hand a callable on unchanged: parentheses,
  /// casts, temporaries, copies and moves, std::move / std::forward, and the
  /// construction of a wrapper from it.
  static const clang::Expr *strip(const clang::Expr *E);

private:
  class Builder;
  struct Value;
  void build();
  Value valueOf(const clang::Expr *E, unsigned Depth = 0) const;
  unsigned placeOf(const clang::Decl *D, bool ReturnOf = false);
  std::optional<unsigned> existingPlace(const clang::Decl *D, bool ReturnOf = false) const;

  CallGraph &Graph;
  bool Built = false;
  /// Places: a variable, parameter or data member, or the return value of a
  /// function (second = true).
  llvm::DenseMap<std::pair<const clang::Decl *, unsigned>, unsigned> Places;
  /// Per place: the callables it can hold, and the places it is copied into.
  std::vector<llvm::SmallVector<const clang::FunctionDecl *, 2>> Holds;
  std::vector<llvm::SmallVector<unsigned, 2>> CopiedInto;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_CALLABLES_H
