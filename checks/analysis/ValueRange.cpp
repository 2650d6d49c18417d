//===--- ValueRange.cpp - What branch conditions say about a value -------===//

#include "ValueRange.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

using namespace clang;

namespace vss {

ValueRange ValueRange::satisfying(BinaryOperatorKind Op, int32_t Constant, bool Unsigned) {
  ValueRange Range;
  switch (Op) {
  case BO_EQ:
    Range.Lo = Range.Hi = Constant;
    break;
  case BO_NE:
    Range.Holes.push_back(Constant);
    break;
  case BO_LT:
  case BO_LE:
  case BO_GT:
  case BO_GE:
    if (Unsigned)
      break;
    if (Op == BO_LT)
      Range.Hi = int64_t(Constant) - 1;
    else if (Op == BO_LE)
      Range.Hi = Constant;
    else if (Op == BO_GT)
      Range.Lo = int64_t(Constant) + 1;
    else
      Range.Lo = Constant;
    break;
  default:
    break;
  }
  Range.normalize();
  return Range;
}

ValueRange ValueRange::except(llvm::ArrayRef<int32_t> Values) {
  ValueRange Range;
  Range.Holes.assign(Values.begin(), Values.end());
  Range.normalize();
  return Range;
}

void ValueRange::normalize() {
  llvm::sort(Holes);
  Holes.erase(std::unique(Holes.begin(), Holes.end()), Holes.end());
  // Holes at the ends move the ends; holes outside say nothing.
  auto Inside = [&](int32_t V) { return V >= Lo && V <= Hi; };
  Holes.erase(std::remove_if(Holes.begin(), Holes.end(), [&](int32_t V) { return !Inside(V); }),
              Holes.end());
  while (!Holes.empty() && Lo <= Hi && Holes.front() == Lo) {
    Holes.erase(Holes.begin());
    ++Lo;
  }
  while (!Holes.empty() && Lo <= Hi && Holes.back() == Hi) {
    Holes.pop_back();
    --Hi;
  }
  if (Lo > Hi)
    Holes.clear();
  // A bound on the holes keeps the cost of a state bounded; forgetting a hole
  // only adds a value, which is always sound.
  if (Holes.size() > MaxHoles)
    Holes.resize(MaxHoles);
}

bool ValueRange::isAll() const { return Lo == INT32_MIN && Hi == INT32_MAX && Holes.empty(); }

bool ValueRange::contains(int32_t Value) const {
  return Value >= Lo && Value <= Hi && !std::binary_search(Holes.begin(), Holes.end(), Value);
}

bool ValueRange::admitsBits(uint32_t KnownOnes) const {
  if (isEmpty())
    return false;
  auto Overlaps = [&](int64_t From, int64_t To) { return std::max(Lo, From) <= std::min(Hi, To); };
  // With the sign bit known, every such value lies in [KnownOnes, -1].
  if (KnownOnes & 0x80000000u)
    return Overlaps(static_cast<int32_t>(KnownOnes), -1);
  return Overlaps(KnownOnes, INT32_MAX) || Overlaps(INT32_MIN, -1);
}

std::optional<int32_t> ValueRange::single() const {
  if (Lo == Hi)
    return static_cast<int32_t>(Lo);
  return std::nullopt;
}

ValueRange ValueRange::intersect(const ValueRange &Other) const {
  ValueRange Result;
  Result.Lo = std::max(Lo, Other.Lo);
  Result.Hi = std::min(Hi, Other.Hi);
  Result.Holes = Holes;
  Result.Holes.append(Other.Holes.begin(), Other.Holes.end());
  Result.normalize();
  return Result;
}

ValueRange ValueRange::join(const ValueRange &Other) const {
  if (isEmpty())
    return Other;
  if (Other.isEmpty())
    return *this;
  ValueRange Result;
  Result.Lo = std::min(Lo, Other.Lo);
  Result.Hi = std::max(Hi, Other.Hi);
  // A value stays out only if neither side has it.
  for (const ValueRange *Side : {this, &Other})
    for (int32_t Hole : Side->Holes)
      if (!contains(Hole) && !Other.contains(Hole))
        Result.Holes.push_back(Hole);
  Result.normalize();
  return Result;
}

const Expr *stripCasts(const Expr *E) {
  return E->IgnoreParenCasts()->IgnoreImplicit()->IgnoreParenCasts();
}

std::optional<int32_t> constantValue(const Expr *E, const ASTContext &Context) {
  if (!E || E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return std::nullopt;
  Expr::EvalResult Result;
  if (!E->EvaluateAsInt(Result, Context))
    return std::nullopt;
  const llvm::APSInt &Value = Result.Val.getInt();
  // Only values an HRESULT can hold: any 32-bit pattern, signed or not.
  if (Value.isNegative() ? Value.getSignificantBits() > 32 : Value.getActiveBits() > 32)
    return std::nullopt;
  return static_cast<int32_t>(static_cast<uint32_t>(Value.extOrTrunc(64).getZExtValue()));
}

namespace {

/// The constant of a relational comparison must be a signed 32-bit value for
/// the order of the 32-bit values to be the order the program sees.
bool fitsSigned32(const Expr *E, const ASTContext &Context) {
  Expr::EvalResult Result;
  if (!E->EvaluateAsInt(Result, Context))
    return false;
  const llvm::APSInt &Value = Result.Val.getInt();
  return Value.isNegative() ? Value.getSignificantBits() <= 32 : Value.getActiveBits() <= 31;
}

} // namespace

void conditionFacts(const Expr *Condition, bool Taken, const ASTContext &Context,
                    llvm::function_ref<bool(const Expr *)> IsSubject,
                    llvm::SmallVectorImpl<ConditionFact> &Out) {
  if (!Condition)
    return;
  const Expr *E = stripCasts(Condition);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_LNot)
      conditionFacts(Unary->getSubExpr(), !Taken, Context, IsSubject, Out);
    return;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    BinaryOperatorKind Op = Binary->getOpcode();
    // "a && b" true, or "a || b" false, says the same of both sides.
    if ((Op == BO_LAnd && Taken) || (Op == BO_LOr && !Taken)) {
      conditionFacts(Binary->getLHS(), Taken, Context, IsSubject, Out);
      conditionFacts(Binary->getRHS(), Taken, Context, IsSubject, Out);
      return;
    }
    if (Binary->isComparisonOp() && Op != BO_Cmp) {
      const Expr *Subject = stripCasts(Binary->getLHS());
      const Expr *Constant = Binary->getRHS();
      if (!IsSubject(Subject)) {
        Subject = stripCasts(Binary->getRHS());
        Constant = Binary->getLHS();
        Op = BinaryOperator::reverseComparisonOp(Op);
        if (!IsSubject(Subject))
          return;
      }
      std::optional<int32_t> Value = constantValue(Constant, Context);
      if (!Value)
        return;
      bool Relational = Op != BO_EQ && Op != BO_NE;
      if (Relational && !fitsSigned32(Constant, Context))
        return;
      if (!Taken)
        Op = BinaryOperator::negateComparisonOp(Op);
      bool Unsigned = Binary->getLHS()->getType()->isUnsignedIntegerOrEnumerationType();
      Out.push_back({Subject, ValueRange::satisfying(Op, *Value, Unsigned)});
      return;
    }
    if (Op != BO_Assign)
      return;
  }
  // The subject itself tested for truth: "if (hr)", "if (!hr)".
  if (IsSubject(E))
    Out.push_back({E, ValueRange::satisfying(Taken ? BO_NE : BO_EQ, 0, false)});
}

} // namespace vss
