// Comparisons of abstract values with constants: deciding `x op c` for a value, and
// narrowing a value under an assumed outcome (what a branch condition teaches a path).
#include "engine/Values.h"

#include <limits>

namespace clang::tidy::impersonation {

namespace {
struct Range {
  int64_t Lo, Hi;
};
constexpr int64_t MinV = std::numeric_limits<int64_t>::min();
constexpr int64_t MaxV = std::numeric_limits<int64_t>::max();

Range signRange(uint8_t Bit) {
  if (Bit == Neg)
    return {MinV, -1};
  if (Bit == Zero)
    return {0, 0};
  return {1, MaxV};
}

// Whether `x Op C` holds for all (True), none (False) or some (Unknown) x in R.
Tri compareRange(Range R, unsigned Op, int64_t C) {
  switch (Op) {
  case BO_LT:
    return R.Hi < C ? Tri::True : R.Lo >= C ? Tri::False : Tri::Unknown;
  case BO_LE:
    return R.Hi <= C ? Tri::True : R.Lo > C ? Tri::False : Tri::Unknown;
  case BO_GT:
    return R.Lo > C ? Tri::True : R.Hi <= C ? Tri::False : Tri::Unknown;
  case BO_GE:
    return R.Lo >= C ? Tri::True : R.Hi < C ? Tri::False : Tri::Unknown;
  case BO_EQ:
    return (R.Lo == C && R.Hi == C) ? Tri::True
           : (C < R.Lo || C > R.Hi) ? Tri::False
                                    : Tri::Unknown;
  case BO_NE:
    return (R.Lo == C && R.Hi == C) ? Tri::False
           : (C < R.Lo || C > R.Hi) ? Tri::True
                                    : Tri::Unknown;
  }
  return Tri::Unknown;
}
} // namespace

Tri compareWithConstant(const AbsVal &V, unsigned Op, int64_t C) {
  if (V.HasExact)
    return compareRange({V.Exact, V.Exact}, Op, C);
  bool AnyTrue = false, AnyFalse = false;
  for (uint8_t Bit : {Neg, Zero, Pos}) {
    if (!(V.Signs & Bit))
      continue;
    Tri T = compareRange(signRange(Bit), Op, C);
    AnyTrue |= T != Tri::False;
    AnyFalse |= T != Tri::True;
  }
  if (AnyTrue && !AnyFalse)
    return Tri::True;
  if (AnyFalse && !AnyTrue)
    return Tri::False;
  return V.Signs ? Tri::Unknown : Tri::False;
}

std::optional<AbsVal> assumeComparison(const AbsVal &V, unsigned Op, int64_t C, bool Outcome) {
  Tri T = compareWithConstant(V, Op, C);
  if (T == (Outcome ? Tri::False : Tri::True))
    return std::nullopt;
  if (T != Tri::Unknown)
    return V;
  AbsVal Out = V;
  uint8_t Keep = 0;
  for (uint8_t Bit : {Neg, Zero, Pos}) {
    if (!(V.Signs & Bit))
      continue;
    Tri B = compareRange(signRange(Bit), Op, C);
    if (B == Tri::Unknown || B == (Outcome ? Tri::True : Tri::False))
      Keep |= Bit;
  }
  Out.Signs = Keep;
  if ((Op == BO_EQ && Outcome) || (Op == BO_NE && !Outcome)) {
    Out = AbsVal::exact(C);
    Out.Token = V.Token;
  } else if (Keep == Zero) {
    Out.HasExact = true;
    Out.Exact = 0;
  }
  if (!Out.Signs)
    return std::nullopt;
  return Out;
}

} // namespace clang::tidy::impersonation
