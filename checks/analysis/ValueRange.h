//===--- ValueRange.h - What branch conditions say about a value ---------===//
//
// The values a 32-bit status can still have where the conditions on the way
// hold (FAILED(hr), hr != S_OK, case E_FAIL:, ...), and how a branch condition
// restricts the variables it tests on each of its outgoing edges. Values are
// judged as a Windows compiler sees an HRESULT: 32 bits, signed, whatever the
// width of `long` on the target being parsed.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_VALUERANGE_H
#define VSS_TIDY_ANALYSIS_VALUERANGE_H

#include "clang/AST/Expr.h"
#include "clang/AST/OperationKinds.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>

namespace vss {

/// A set of 32-bit values: an interval of signed values with a few values
/// taken out of it. Finite height (bounds and holes come from the constants of
/// the conditions), so a dataflow over it reaches a fixed point.
class ValueRange {
public:
  /// Every value.
  ValueRange() = default;
  /// The values V with "V Op Constant" true (Op a comparison). A value of an
  /// unsigned comparison is ordered differently, so only == and != restrict it.
  static ValueRange satisfying(clang::BinaryOperatorKind Op, int32_t Constant, bool Unsigned);
  /// Every value but \p Values.
  static ValueRange except(llvm::ArrayRef<int32_t> Values);

  bool isAll() const;
  bool isEmpty() const { return Lo > Hi; }
  bool contains(int32_t Value) const;
  /// True when some value with at least the bits \p KnownOnes set is in the
  /// range (HRESULT_FROM_WIN32(x) is negative, whatever x).
  bool admitsBits(uint32_t KnownOnes) const;
  /// The one value left, if only one is.
  std::optional<int32_t> single() const;

  /// The values in both.
  ValueRange intersect(const ValueRange &Other) const;
  /// The smallest range that holds the values of both (where paths meet).
  ValueRange join(const ValueRange &Other) const;

  bool operator==(const ValueRange &Other) const {
    return Lo == Other.Lo && Hi == Other.Hi && Holes == Other.Holes;
  }
  bool operator!=(const ValueRange &Other) const { return !(*this == Other); }

  /// At most this many values are taken out (a switch with more cases keeps
  /// some of them in its default).
  static constexpr size_t MaxHoles = 32;

private:
  void normalize();

  int64_t Lo = INT32_MIN;
  int64_t Hi = INT32_MAX;
  /// Values inside [Lo, Hi] that are not in the set, sorted.
  llvm::SmallVector<int32_t, 2> Holes;
};

/// What a condition being true (or false) says about one expression it tests:
/// \c Subject is a read of a variable or member (or an assignment to one, as
/// in "FAILED(hr = Step())"), and its value is in \c Range.
struct ConditionFact {
  const clang::Expr *Subject;
  ValueRange Range;
};

/// The facts that \p Condition evaluating to \p Taken establishes: comparisons
/// of a subject with a constant, FAILED / SUCCEEDED, a subject tested as a
/// boolean, through `!`, `&&` and `||`. \p IsSubject says which expressions
/// (after parentheses and casts) are worth a fact.
void conditionFacts(const clang::Expr *Condition, bool Taken, const clang::ASTContext &Context,
                    llvm::function_ref<bool(const clang::Expr *)> IsSubject,
                    llvm::SmallVectorImpl<ConditionFact> &Out);

/// The 32-bit value of a constant expression, if it is one (the low 32 bits of
/// a wider value).
std::optional<int32_t> constantValue(const clang::Expr *E, const clang::ASTContext &Context);

/// \p E without parentheses, casts and implicit nodes.
const clang::Expr *stripCasts(const clang::Expr *E);

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_VALUERANGE_H
