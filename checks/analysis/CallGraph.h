//===--- CallGraph.h - On-demand call graph of a translation unit --------===//
//
// The call edges of a function are collected the first time a traversal
// reaches it and are kept for the rest of the translation unit, so every
// check shares one graph and only functions reachable from writer code are
// ever looked at. Edges cover direct calls, member calls, calls of lambdas and
// functors, template instantiations, constructors and destructors that run
// implicitly, and virtual calls (every override visible in the TU).
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_CALLGRAPH_H
#define VSS_TIDY_ANALYSIS_CALLGRAPH_H

#include "Names.h"
#include "UserCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace vss {

enum class CallEdgeKind {
  Call,               ///< A call written in the source (direct, member, operator).
  VirtualCall,        ///< A virtual call, to one of the overrides it may reach.
  Construction,       ///< A constructor run by a declaration or expression.
  Destruction,        ///< A destructor run implicitly at the end of a lifetime.
  LambdaCreation,     ///< A lambda created here; creating it does not run it.
  FunctionReference,  ///< A function named without being called; naming it does not run it.
  CallableInvocation, ///< A stored callable run here (std::function, a function pointer).
  CallbackArgument,   ///< A callable given to a function without a body here, which may run it.
};

/// The arguments of \p Call that come before those of the callee's
/// parameters: 1 for a member operator called as an operator (its object is
/// argument 0), else 0.
unsigned objectArguments(const clang::CallExpr *Call);

/// True for the edges along which the callee runs as part of the caller:
/// not the creation of a lambda or the mention of a function.
bool runsCallee(const struct CallSite &Site);

/// True for the edges along which the callee runs before the call returns, on
/// the caller's thread: not a callable handed to another function (a thread
/// start, a callback stored for later), which may run it elsewhere or later.
bool runsWithinCall(const struct CallSite &Site);

/// One edge of the call graph: \c Caller reaches \c Callee at \c Site.
struct CallSite {
  const clang::FunctionDecl *Caller;
  const clang::FunctionDecl *Callee;
  /// The call (or construct, delete, lambda, reference) expression, or null
  /// for an implicit destructor call.
  const clang::Stmt *Site;
  /// Where the edge is shown to the user: a location in a file, already
  /// mapped out of macro bodies.
  clang::SourceLocation Loc;
  CallEdgeKind Kind;
};

/// The call sites leading from a root to a function, in order.
using CallPath = llvm::SmallVector<const CallSite *, 8>;

class CallGraph;
class CallableFlow;
class GuardEvaluator;

/// A function as reached by a traversal, with what is known of its
/// parameters on the way there (Context 0: nothing). The same function can
/// be reached in several contexts: enterEvent(Event::Identify) and
/// enterEvent(Event::Freeze) run different branches.
struct ReachedFunction {
  const clang::FunctionDecl *Function; ///< Canonical.
  unsigned Context;
  bool operator==(const ReachedFunction &Other) const {
    return Function == Other.Function && Context == Other.Context;
  }
};

/// The result of a breadth-first traversal from one or more roots: every
/// function reached, in order of distance, with a shortest path to each.
class Reachability {
public:
  llvm::ArrayRef<ReachedFunction> reached() const { return Order; }
  /// The root the shortest path to \p Node starts from.
  const clang::FunctionDecl *rootOf(ReachedFunction Node) const;
  /// The call sites from the root to \p Node (empty for a root).
  CallPath pathTo(ReachedFunction Node) const;

private:
  friend class CallGraph;
  using Key = std::pair<const clang::FunctionDecl *, unsigned>;
  static Key keyOf(ReachedFunction Node) { return {Node.Function, Node.Context}; }
  std::vector<ReachedFunction> Order;
  /// Node -> the edge it was first reached through, and the node it came
  /// from (null edge for roots).
  llvm::DenseMap<Key, std::pair<const CallSite *, Key>> Parent;
};

class CallGraph {
public:
  explicit CallGraph(clang::ASTContext &Context);
  ~CallGraph();

  /// The outgoing edges of \p Function (empty when it has no body here).
  llvm::ArrayRef<CallSite> callSites(const clang::FunctionDecl *Function);

  /// The call sites in user code (outside system headers) that call
  /// \p Function. Built once, on first use, from the edges of every user
  /// function; only the value analysis of forwarded arguments needs it.
  llvm::ArrayRef<const CallSite *> callersOf(const clang::FunctionDecl *Function);

  /// The user function whose body holds the call (or construct, ...)
  /// expression \p Site, if it is an edge of the graph. Indexed with callersOf.
  const clang::FunctionDecl *callerAt(const clang::Stmt *Site);

  /// Every function defined in user code (outside system headers), lambdas
  /// included, once each. Built on first use.
  llvm::ArrayRef<const clang::FunctionDecl *> userFunctions();

  /// Every method in the TU that overrides \p Method, directly or not.
  llvm::ArrayRef<const clang::CXXMethodDecl *> overridesOf(const clang::CXXMethodDecl *Method);

  /// Breadth-first traversal from \p Roots along the edges \p Follow accepts,
  /// not expanding functions \p Expand rejects. Iterative, with a visited set:
  /// each function is expanded at most once per context. A call that passes
  /// constants a callee branches on reaches it in a context of its own, and
  /// the branches those values decide against are not followed.
  Reachability reachableFrom(llvm::ArrayRef<const clang::FunctionDecl *> Roots,
                             llvm::function_ref<bool(const CallSite &)> Follow,
                             llvm::function_ref<bool(const clang::FunctionDecl *)> Expand);

  /// Calls \p Visit for every call written in a function \p Reached expanded
  /// (direct and virtual calls, not implicit ones) that can run in the
  /// context it was reached in, in order of distance.
  void forEachReachedCall(const Reachability &Reached,
                          llvm::function_ref<void(const CallSite &, ReachedFunction)> Visit);

  /// Where the TU's callables go, and what a stored one runs. Built on first use.
  CallableFlow &callables();

  clang::ASTContext &context() const { return Context; }

  /// The branches the values known on a path decide (ConstantGuards.h), for
  /// the whole translation unit.
  GuardEvaluator &guards();

private:
  void buildOverrideIndex();
  void buildCallers();
  /// The context \p Site's callee is reached in, from \p From.
  unsigned contextAt(const CallSite &Site, ReachedFunction From);
  const llvm::DenseSet<const clang::Stmt *> &deadStatements(ReachedFunction Node);

  clang::ASTContext &Context;
  std::unique_ptr<CallableFlow> Callables;
  std::unique_ptr<GuardEvaluator> Guards;
  /// Contexts by number: what is known of a function's parameters.
  std::vector<llvm::SmallVector<std::pair<unsigned, int64_t>, 2>> Contexts;
  std::map<llvm::SmallVector<std::pair<unsigned, int64_t>, 2>, unsigned> ContextIds;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> ContextsPerFunction;
  /// Canonical function -> its edges. Node-based, so references stay valid.
  std::unordered_map<const clang::FunctionDecl *, std::vector<CallSite>> Edges;
  bool OverrideIndexBuilt = false;
  bool UserFunctionsBuilt = false;
  bool CallersBuilt = false;
  std::vector<const clang::FunctionDecl *> UserFunctionList;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<const CallSite *>> Callers;
  llvm::DenseMap<const clang::Stmt *, const clang::FunctionDecl *> CallerOfSite;
  llvm::DenseMap<const clang::CXXMethodDecl *, llvm::SmallVector<const clang::CXXMethodDecl *, 2>>
      DirectOverrides;
  std::unordered_map<const clang::CXXMethodDecl *, std::vector<const clang::CXXMethodDecl *>>
      AllOverrides;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_CALLGRAPH_H
