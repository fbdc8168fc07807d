// The values the flow engine knows about tracked expressions: an interval with a few
// excluded constants, and, for a token handle, whose identity the token was captured under.
// Comparisons with constants are in Values.cpp.
#pragma once

#include "ApiModel.h"
#include "clang/AST/Stmt.h"
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <tuple>
#include <vector>

namespace clang::tidy::impersonation {

/// Whose identity is in force on the current thread.
enum class Who : uint8_t {
  Entry,     // as the caller left it
  Service,   // the primary token (after a revert)
  Client,    // an impersonated client or logon token
  Self,      // ImpersonateSelf
  Anonymous, // ImpersonateAnonymousToken
};

struct Identity {
  Who W = Who::Entry;
  const Stmt *Site = nullptr; // the begin that put it in force
  bool Com = false;           // begun by COM, which reverts when the call ends
  bool Own = false;           // begun in the function under analysis (reportable there)
  bool Stored = false;        // begun with a token kept from before (a global, a member)

  bool impersonating() const { return W == Who::Client || W == Who::Self || W == Who::Anonymous; }
  bool operator==(const Identity &O) const {
    return std::tie(W, Site, Com, Own, Stored) == std::tie(O.W, O.Site, O.Com, O.Own, O.Stored);
  }
  bool operator<(const Identity &O) const {
    return std::tie(W, Site, Com, Own, Stored) < std::tie(O.W, O.Site, O.Com, O.Own, O.Stored);
  }
};

enum class Tri : uint8_t { False, True, Unknown };

enum SignBit : uint8_t { Neg = 1, Zero = 2, Pos = 4, AnySign = 7 };

/// Identities captured into token handles, numbered: a value then carries a small index.
class IdentityTable {
public:
  uint16_t intern(const Identity &Id) {
    for (size_t I = 0; I < Ids.size(); ++I)
      if (Ids[I] == Id)
        return static_cast<uint16_t>(I + 1);
    Ids.push_back(Id);
    return static_cast<uint16_t>(Ids.size());
  }
  const Identity &get(uint16_t Index) const { return Ids[Index - 1]; }

private:
  std::vector<Identity> Ids;
};

/// A value: an interval [Lo, Hi] with up to two constants inside it that the value is
/// known not to be (`h != INVALID_HANDLE_VALUE && h != NULL`), what guards in service code
/// say. Handles and other pointers are their integer values ((HANDLE)-1 is -1).
struct AbsVal {
  static constexpr int64_t Min = std::numeric_limits<int64_t>::min();
  static constexpr int64_t Max = std::numeric_limits<int64_t>::max();
  static constexpr unsigned MaxExcluded = 2;

  int64_t Lo = Min, Hi = Max;
  std::array<int64_t, MaxExcluded> Excluded{}; // sorted, strictly inside (Lo, Hi)
  uint8_t NumExcluded = 0;
  uint16_t Token = 0; // a token captured from the thread: IdentityTable index, 0 if none
  bool Failed = false; // the result of a begin that failed: testing it notices the failure

  static AbsVal top() { return {}; }
  static AbsVal exact(int64_t V) { return range(V, V); }
  static AbsVal range(int64_t L, int64_t H) {
    AbsVal A;
    A.Lo = L;
    A.Hi = H;
    return A;
  }
  /// The values of the given signs (SignBit flags).
  static AbsVal signs(uint8_t S);
  static AbsVal boolean(Tri T) {
    return T == Tri::True ? exact(1) : T == Tri::False ? exact(0) : range(0, 1);
  }
  bool isExact() const { return Lo == Hi; }
  int64_t exactValue() const { return Lo; }
  bool isExactly(int64_t V) const { return Lo == V && Hi == V; }
  bool isTop() const { return Lo == Min && Hi == Max && !NumExcluded && !Token; }
  bool excludes(int64_t V) const {
    for (unsigned I = 0; I < NumExcluded; ++I)
      if (Excluded[I] == V)
        return true;
    return false;
  }
  bool contains(int64_t V) const { return Lo <= V && V <= Hi && !excludes(V); }
  Tri truth() const {
    if (isExactly(0))
      return Tri::False;
    return contains(0) ? Tri::Unknown : Tri::True;
  }
  /// This value without \p V; the range shrinks when \p V is one of its ends. Beyond
  /// MaxExcluded constants the value keeps the ones it has (it may then be \p V).
  AbsVal without(int64_t V) const;
  /// The value converted to an integer type of \p Width bits: wraps around as C does.
  AbsVal convertedTo(unsigned Width, bool Signed) const;

  bool operator==(const AbsVal &O) const {
    return std::tie(Lo, Hi, NumExcluded, Excluded, Token, Failed) ==
           std::tie(O.Lo, O.Hi, O.NumExcluded, O.Excluded, O.Token, O.Failed);
  }
  bool operator<(const AbsVal &O) const {
    return std::tie(Lo, Hi, NumExcluded, Excluded, Token, Failed) <
           std::tie(O.Lo, O.Hi, O.NumExcluded, O.Excluded, O.Token, O.Failed);
  }
};

/// What a call of convention \p C returns when it succeeds or fails.
inline AbsVal conventionResult(Convention C, bool Success) {
  switch (C) {
  case Convention::Bool:
    return Success ? AbsVal::exact(1) : AbsVal::exact(0);
  case Convention::Pointer:
    return Success ? AbsVal::signs(Pos) : AbsVal::exact(0);
  case Convention::RpcStatus:
  case Convention::Win32Error:
    return Success ? AbsVal::exact(0) : AbsVal::signs(Pos);
  case Convention::HResult:
  case Convention::NtStatus:
    return Success ? AbsVal::signs(Zero | Pos) : AbsVal::signs(Neg);
  case Convention::SecurityStatus:
    return Success ? AbsVal::exact(0) : AbsVal::signs(Neg);
  case Convention::Void:
    return AbsVal::top();
  }
  return AbsVal::top();
}

/// Comparison of a value with a constant: decides it, or narrows the value under an
/// assumed outcome. Op is a BinaryOperatorKind comparison (BO_LT ... BO_NE).
Tri compareWithConstant(const AbsVal &V, unsigned Op, int64_t C);
/// \p V narrowed by assuming `V Op C` is \p Outcome; std::nullopt if that is impossible.
std::optional<AbsVal> assumeComparison(const AbsVal &V, unsigned Op, int64_t C, bool Outcome);
/// `V | C`, `V & C`, `V + C`, `V - C` for a constant \p C (Op a BinaryOperatorKind), in
/// a type of \p Width bits; top where the result cannot be bounded.
AbsVal arithmeticWithConstant(const AbsVal &V, unsigned Op, int64_t C, unsigned Width,
                              bool Signed);

} // namespace clang::tidy::impersonation
