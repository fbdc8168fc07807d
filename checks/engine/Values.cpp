// Comparisons and arithmetic over abstract values: deciding `x op c` for a value, narrowing
// a value under an assumed outcome (what a branch condition teaches a path), conversions
// between integer types, and the few operations guards and error codes are built of.
#include "engine/Values.h"

#include "clang/AST/OperationKinds.h"

namespace clang::tidy::impersonation {

namespace {
constexpr int64_t MinV = AbsVal::Min;
constexpr int64_t MaxV = AbsVal::Max;

int64_t saturatingAdd(int64_t A, int64_t B) {
  int64_t R;
  if (__builtin_add_overflow(A, B, &R))
    return B > 0 ? MaxV : MinV;
  return R;
}

/// Drops excluded constants outside (Lo, Hi) and moves an end past an excluded one.
AbsVal normalized(AbsVal V) {
  bool Changed = true;
  while (Changed && V.Lo <= V.Hi) {
    Changed = false;
    if (V.excludes(V.Lo) && V.Lo < V.Hi) {
      ++V.Lo;
      Changed = true;
    } else if (V.excludes(V.Hi) && V.Lo < V.Hi) {
      --V.Hi;
      Changed = true;
    }
  }
  std::array<int64_t, AbsVal::MaxExcluded> Kept{};
  uint8_t N = 0;
  for (unsigned I = 0; I < V.NumExcluded; ++I)
    if (V.Excluded[I] > V.Lo && V.Excluded[I] < V.Hi)
      Kept[N++] = V.Excluded[I];
  V.Excluded = Kept;
  V.NumExcluded = N;
  return V;
}
} // namespace

AbsVal AbsVal::signs(uint8_t S) {
  int64_t L = (S & Neg) ? MinV : (S & Zero) ? 0 : 1;
  int64_t H = (S & Pos) ? MaxV : (S & Zero) ? 0 : -1;
  AbsVal A = range(L, H);
  if ((S & Neg) && (S & Pos) && !(S & Zero))
    A = A.without(0);
  return A;
}

AbsVal AbsVal::without(int64_t V) const {
  if (!contains(V))
    return *this;
  AbsVal Out = *this;
  if (V == Lo && Lo < Hi) {
    ++Out.Lo;
  } else if (V == Hi && Lo < Hi) {
    --Out.Hi;
  } else if (NumExcluded < MaxExcluded) {
    Out.Excluded[Out.NumExcluded++] = V;
    std::sort(Out.Excluded.begin(), Out.Excluded.begin() + Out.NumExcluded);
  } else {
    return *this; // no room: forget nothing, learn nothing
  }
  return normalized(Out);
}

AbsVal AbsVal::convertedTo(unsigned Width, bool Signed) const {
  if (Width == 0 || Width >= 64)
    return *this;
  const int64_t Span = int64_t(1) << Width;
  const int64_t TMin = Signed ? -(Span / 2) : 0;
  const int64_t TMax = TMin + Span - 1;
  if (Lo >= TMin && Hi <= TMax)
    return *this;
  // The whole range wraps by the same multiple of 2^Width: shift it.
  auto window = [&](int64_t V) {
    // floor((V - TMin) / Span), computed without overflow for the 64-bit ends
    __int128 D = (__int128)V - TMin;
    __int128 Q = D / Span;
    if (D % Span < 0)
      --Q;
    return Q;
  };
  AbsVal Out = *this;
  if (Lo != MinV && Hi != MaxV && window(Lo) == window(Hi)) {
    int64_t Shift = int64_t(window(Lo) * Span);
    Out.Lo = Lo - Shift;
    Out.Hi = Hi - Shift;
    for (unsigned I = 0; I < NumExcluded; ++I)
      Out.Excluded[I] = Excluded[I] - Shift;
    return Out;
  }
  Out.Lo = TMin;
  Out.Hi = TMax;
  Out.NumExcluded = 0;
  return Out;
}

Tri compareWithConstant(const AbsVal &V, unsigned Op, int64_t C) {
  if (V.Lo > V.Hi)
    return Tri::False;
  switch (Op) {
  case BO_LT:
    return V.Hi < C ? Tri::True : V.Lo >= C ? Tri::False : Tri::Unknown;
  case BO_LE:
    return V.Hi <= C ? Tri::True : V.Lo > C ? Tri::False : Tri::Unknown;
  case BO_GT:
    return V.Lo > C ? Tri::True : V.Hi <= C ? Tri::False : Tri::Unknown;
  case BO_GE:
    return V.Lo >= C ? Tri::True : V.Hi < C ? Tri::False : Tri::Unknown;
  case BO_EQ:
    return V.isExactly(C) ? Tri::True : !V.contains(C) ? Tri::False : Tri::Unknown;
  case BO_NE:
    return V.isExactly(C) ? Tri::False : !V.contains(C) ? Tri::True : Tri::Unknown;
  }
  return Tri::Unknown;
}

std::optional<AbsVal> assumeComparison(const AbsVal &V, unsigned Op, int64_t C, bool Outcome) {
  Tri T = compareWithConstant(V, Op, C);
  if (T == (Outcome ? Tri::False : Tri::True))
    return std::nullopt;
  if (T != Tri::Unknown)
    return V;
  if (!Outcome) {
    // `!(x < c)` is `x >= c`, and so on.
    switch (Op) {
    case BO_LT: Op = BO_GE; break;
    case BO_LE: Op = BO_GT; break;
    case BO_GT: Op = BO_LE; break;
    case BO_GE: Op = BO_LT; break;
    case BO_EQ: Op = BO_NE; break;
    case BO_NE: Op = BO_EQ; break;
    }
  }
  AbsVal Out = V;
  switch (Op) {
  case BO_EQ:
    Out.Lo = Out.Hi = C;
    Out.NumExcluded = 0;
    break;
  case BO_NE:
    Out = V.without(C);
    break;
  case BO_LT: // C > Lo here, so C - 1 does not overflow
    Out.Hi = std::min(V.Hi, C - 1);
    break;
  case BO_LE:
    Out.Hi = std::min(V.Hi, C);
    break;
  case BO_GT: // C < Hi here
    Out.Lo = std::max(V.Lo, C + 1);
    break;
  case BO_GE:
    Out.Lo = std::max(V.Lo, C);
    break;
  }
  Out = normalized(Out);
  if (Out.Lo > Out.Hi)
    return std::nullopt;
  return Out;
}

AbsVal arithmeticWithConstant(const AbsVal &V, unsigned Op, int64_t C, unsigned Width,
                              bool Signed) {
  AbsVal Out;
  switch (Op) {
  case BO_Add:
  case BO_Sub: {
    int64_t D = Op == BO_Add ? C : (C == MinV ? MaxV : -C);
    if (V.Lo == MinV || V.Hi == MaxV)
      return AbsVal::top();
    Out = AbsVal::range(saturatingAdd(V.Lo, D), saturatingAdd(V.Hi, D));
    if (Out.Lo == MinV || Out.Hi == MaxV)
      return AbsVal::top();
    for (unsigned I = 0; I < V.NumExcluded; ++I)
      Out = Out.without(V.Excluded[I] + D);
    break;
  }
  case BO_And:
    // Masking with a non-negative constant gives a value between 0 and it.
    if (C < 0)
      return AbsVal::top();
    Out = AbsVal::range(0, C);
    if (V.Lo >= 0)
      Out.Hi = std::min(V.Hi, C);
    break;
  case BO_Or: {
    // Or-ing keeps the constant's bits: at least it, within the width of both.
    if (C < 0 || V.Lo < 0)
      return AbsVal::top();
    uint64_t Bits = uint64_t(V.Hi) | uint64_t(C);
    uint64_t Smear = Bits;
    for (unsigned S = 1; S < 64; S <<= 1)
      Smear |= Smear >> S;
    Out = AbsVal::range(std::max(V.Lo, C), int64_t(Smear));
    if (C != 0)
      Out = Out.without(0);
    break;
  }
  default:
    return AbsVal::top();
  }
  return Out.convertedTo(Width, Signed);
}

} // namespace clang::tidy::impersonation
