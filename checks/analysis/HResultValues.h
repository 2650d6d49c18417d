//===--- HResultValues.h - The values an HRESULT argument can have -------===//
//
// The value set of the HRESULT given to a writer failure call, judged on
// constant values, never on macro names: constants of every kind, conditional
// operators, HRESULT_FROM_WIN32 / HRESULT_FROM_NT, the results of Windows, COM
// and VSS APIs, local variables (the definitions that reach the call along
// clang's CFG, narrowed by the conditions on the way), data members whose
// every assignment is a constant, values returned by the TU's own functions,
// and parameters of forwarding wrappers, followed to every call of the
// wrapper in the translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_HRESULTVALUES_H
#define VSS_TIDY_ANALYSIS_HRESULTVALUES_H

#include "CallGraph.h"
#include "FactsIndex.h"
#include "ReachingDefinitions.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <memory>
#include <vector>

namespace vss {

/// One value an HRESULT expression can have.
struct HResultValue {
  enum KindType {
    Known,     ///< Value holds the constant (low 32 bits).
    HasBits,   ///< Not constant, but every value has at least KnownOnes set.
    ApiResult, ///< The HRESULT an API returned: its status, never a writer code.
    Unknown,   ///< Cannot be known here.
  };
  KindType Kind = Unknown;
  uint32_t Value = 0;
  uint32_t KnownOnes = 0;
  /// The expression that produces the value, as written by the user.
  const clang::Expr *Origin = nullptr;
  /// For ApiResult: the API called.
  const clang::FunctionDecl *Api = nullptr;
  /// How the value is written where Origin does not show it (a constant
  /// returned in another translation unit, from its facts).
  std::string Spelling;
};

/// A step between the argument where a value is reported and the failure call.
struct ValueStep {
  enum KindType {
    Assignment, ///< Variable (local or member) is assigned the value at Loc.
    Forwarding, ///< Function passes its parameter Variable to Callee at Loc.
    Return,     ///< Function returns the value at Loc (Variable is null).
  };
  KindType Kind;
  clang::SourceLocation Loc;
  const clang::ValueDecl *Variable;
  const clang::FunctionDecl *Function = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
};

/// A value together with where to report it and how it gets to the call.
struct TracedValue {
  HResultValue Value;
  /// The argument expression a finding about this value is reported at: the
  /// failure call's own argument, or the argument of a call of a wrapper.
  const clang::Expr *ReportAt = nullptr;
  /// Notes, from ReportAt down to the failure call.
  llvm::SmallVector<ValueStep, 4> Steps;
};

class HResultValueTracer {
public:
  explicit HResultValueTracer(CallGraph &Graph) : Graph(Graph) {}

  /// Every value the argument \p ArgIndex of \p Call (a call in \p Caller) can
  /// have, following local variables, members and forwarding wrappers.
  std::vector<TracedValue> traceArgument(const clang::Expr *Call, unsigned ArgIndex,
                                         const clang::FunctionDecl *Caller);

  /// The constant-level value of \p E, without following variables.
  HResultValue evaluateConstant(const clang::Expr *E) const;

  /// The parameter of \p Function that \p Argument, an expression of its
  /// body, reads with the value the caller passed: not written before, and
  /// not narrowed by a condition on the way. What another translation unit
  /// needs to follow a value through \p Function (whole-program facts).
  const clang::ParmVarDecl *forwardedParameter(const clang::Expr *Argument,
                                               const clang::FunctionDecl *Function);

  /// The facts of the other translation units, for the values that functions
  /// defined there return (null: those values are unknown). Set by the check
  /// that traces, for the duration of its questions.
  void useFacts(FactsIndex *Index) { Facts = Index; }

  /// What \p Function's returns are, for the facts of its translation unit:
  /// {"kind": "constant", "value", "text", "location"},
  /// {"kind": "parameter", "index", "location"} or {"kind": "unknown"} each;
  /// empty when a return has no value.
  llvm::json::Array describeReturns(const clang::FunctionDecl *Function);

private:
  using Steps = llvm::SmallVector<ValueStep, 4>;
  /// Where the values being collected are reported: an argument of a call
  /// of ReportCallee, and the notes that lead from there to the failure call.
  struct Report {
    const clang::Expr *At;
    const clang::FunctionDecl *Callee;
    Steps Trail;
  };
  /// The values of \p E, an expression of \p Function.
  void valuesOf(const clang::Expr *E, const clang::FunctionDecl *Function, const Report &Where,
                unsigned Depth, std::vector<TracedValue> &Out);
  void variableValues(const clang::DeclRefExpr *Ref, const clang::VarDecl *Var,
                      const clang::FunctionDecl *Function, const Report &Where, unsigned Depth,
                      std::vector<TracedValue> &Out);
  void forwardParameter(const clang::ParmVarDecl *Param, const clang::FunctionDecl *Function,
                        const clang::Expr *Use, const Report &Where, unsigned Depth,
                        std::vector<TracedValue> &Out);
  void fieldValues(const clang::FieldDecl *Field, const clang::Expr *Use, const Report &Where,
                   std::vector<TracedValue> &Out);
  /// The values \p Call (in \p Caller) returns: the returned expressions of
  /// the callee's body, its parameters bound to this call's arguments.
  bool returnValues(const clang::CallExpr *Call, const clang::FunctionDecl *Caller,
                    const Report &Where, unsigned Depth, std::vector<TracedValue> &Out);
  FunctionDataflow &dataflow(const clang::FunctionDecl *Function);
  void buildFieldWrites();

  /// The return statements of a function's body (not of its lambdas);
  /// empty when some return has no value. Collected once per function.
  llvm::ArrayRef<const clang::ReturnStmt *> returnsOf(const clang::FunctionDecl *Definition);
  /// True when an if or switch of \p Function tests \p Param.
  bool testsParameter(const clang::FunctionDecl *Function, const clang::ParmVarDecl *Param);

  /// The calls whose return values are being followed, innermost last: a
  /// parameter of such a callee is the argument of that very call.
  struct CallBinding {
    const clang::FunctionDecl *Callee;
    const clang::CallExpr *Call;
    const clang::FunctionDecl *Caller;
  };
  llvm::SmallVector<CallBinding, 4> Bindings;

  /// The values a function of another translation unit returns (facts).
  bool remoteReturnValues(const clang::CallExpr *Call, const clang::FunctionDecl *Caller,
                          const Report &Where, unsigned Depth, std::vector<TracedValue> &Out);

  CallGraph &Graph;
  FactsIndex *Facts = nullptr;
  /// What ExprMutationAnalyzer found about callee parameters, for every
  /// function's dataflow.
  clang::ExprMutationAnalyzer::Memoized Mutations;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionDataflow>> Dataflows;
  /// std::vector: what returnsOf returned stays valid while the map grows.
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<const clang::ReturnStmt *>> Returns;
  llvm::DenseMap<const clang::FunctionDecl *, llvm::SmallPtrSet<const clang::ParmVarDecl *, 2>>
      TestedParameters;
  /// Field -> the expressions assigned to it anywhere in user code, or a null
  /// entry for a write that cannot be followed.
  bool FieldWritesBuilt = false;
  llvm::DenseMap<const clang::FieldDecl *,
                 std::vector<std::pair<const clang::Expr *, clang::SourceLocation>>>
      FieldWrites;
  /// (function, parameter index) pairs being followed, against cycles.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool> Following;
};

/// How an expression is named in a message.
struct SpelledExpr {
  /// The text as written at the innermost level where the expression is
  /// written whole: "E_FAIL" for a macro that expands to E_FAIL's value, but
  /// "MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ESE, err)" as written in the
  /// body of a statement macro CallEse.
  std::string Text;
  /// The macro whose definition holds Text, if any ("CallEse").
  std::string ExpandedFrom;
};
SpelledExpr spellExpression(const clang::Expr *E, const clang::ASTContext &Context);

/// The text of \p E as the user wrote it ("E_FAIL",
/// "HRESULT_FROM_WIN32(GetLastError())"), as spellExpression finds it.
std::string spelledText(const clang::Expr *E, const clang::ASTContext &Context);

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_HRESULTVALUES_H
