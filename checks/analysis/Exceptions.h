//===--- Exceptions.h - Where a function can throw, and what catches it --===//
//
// For vss-writer-handler-exception-escape: the points of a function's body
// that can throw (throw expressions, calls of the standard library that throw
// by contract, allocations whose result is then tested for null), and
// whether a try block of the same function catches what a point throws.
// Each function's body is looked at once.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_EXCEPTIONS_H
#define VSS_TIDY_ANALYSIS_EXCEPTIONS_H

#include "VssApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <string>
#include <vector>

namespace vss {

/// A point of a function's body that can throw.
struct ThrowPoint {
  enum KindType {
    Throw,             ///< A throw expression with an operand.
    Rethrow,           ///< "throw;" in a handler.
    ThrowingCall,      ///< A call of the standard library that throws by contract.
    CheckedAllocation, ///< A throwing new whose result is then tested for null.
    Allocation         ///< Any other throwing new.
  } Kind;
  const clang::Stmt *Where = nullptr;
  clang::SourceLocation Loc;
  /// Throw: the type of the operand (unqualified).
  clang::QualType Type;
  /// ThrowingCall and the allocations: the exception, as the model names
  /// it ("std::out_of_range", "std::bad_alloc").
  const ThrowingCallSpec *Spec = nullptr;
  /// ThrowingCall: the function called, as the user reads it.
  std::string CalleeName;
  /// CheckedAllocation: the test for null.
  const clang::Stmt *NullCheck = nullptr;
};

class ExceptionAnalysis {
public:
  explicit ExceptionAnalysis(clang::ASTContext &Context) : Context(Context) {}

  /// The throw points of \p Function's body (not those of the lambdas and
  /// local classes it defines: they are functions of their own), in source
  /// order. Found once per function.
  llvm::ArrayRef<ThrowPoint> throwPoints(const clang::FunctionDecl *Function);

  /// True when \p Point, thrown at \p At (a statement of \p Function's body),
  /// is caught by a try block of \p Function around it.
  bool isCaught(const clang::FunctionDecl *Function, const clang::Stmt *At,
                const ThrowPoint &Point);

  /// True when a try block of \p Function around \p At has a handler that
  /// catches everything (catch (...)): nothing thrown under it escapes.
  bool isCaughtWhatever(const clang::FunctionDecl *Function, const clang::Stmt *At);

  /// The handlers of the try blocks of \p Function around \p At, as the
  /// facts record them: "..." for catch (...), else the caught class's
  /// source qualified name (or the caught type as written).
  std::vector<std::string> handlersAround(const clang::FunctionDecl *Function,
                                          const clang::Stmt *At);

  /// True when a handler named as handlersAround names them catches \p Point.
  bool caughtByNames(llvm::ArrayRef<std::string> Handlers, const ThrowPoint &Point);

  /// True when \p Function cannot throw (noexcept, noexcept(true), throw(),
  /// a destructor that is not noexcept(false)).
  static bool isNoexcept(const clang::FunctionDecl *Function);

  /// How a message names what \p Point throws ("std::out_of_range").
  static std::string exceptionName(const ThrowPoint &Point);

private:
  struct PerFunction {
    std::vector<ThrowPoint> Points;
    clang::Stmt *Body = nullptr;
    bool HasTry = false; ///< A try block in the body (a function-try-block too).
    std::unique_ptr<clang::ParentMap> Parents; ///< Built when first needed.
  };
  PerFunction &of(const clang::FunctionDecl *Function);
  static const clang::ParentMap &parentsOf(PerFunction &Known);
  /// The handlers of the try blocks around \p At, innermost first.
  template <typename Visit>
  bool anyEnclosingHandler(const clang::FunctionDecl *Function, const clang::Stmt *At,
                           Visit &&Matches);

  clang::ASTContext &Context;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<PerFunction>> Functions;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_EXCEPTIONS_H
