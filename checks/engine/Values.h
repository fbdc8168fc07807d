// The values the flow engine knows about tracked expressions: a set of signs, optionally
// one exact value, and, for a token handle, whose identity the token was captured under.
// Comparisons with constants are in Values.cpp.
#pragma once

#include "ApiModel.h"
#include "clang/AST/Stmt.h"
#include <cstdint>
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

  bool impersonating() const { return W == Who::Client || W == Who::Self || W == Who::Anonymous; }
  bool operator==(const Identity &O) const {
    return std::tie(W, Site, Com, Own) == std::tie(O.W, O.Site, O.Com, O.Own);
  }
  bool operator<(const Identity &O) const {
    return std::tie(W, Site, Com, Own) < std::tie(O.W, O.Site, O.Com, O.Own);
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

struct AbsVal {
  uint8_t Signs = AnySign;
  bool HasExact = false;
  uint16_t Token = 0; // a token captured from the thread: IdentityTable index, 0 if none
  bool Failed = false; // the result of a begin that failed: testing it notices the failure
  int64_t Exact = 0;

  static AbsVal top() { return {}; }
  static AbsVal exact(int64_t V) {
    AbsVal A;
    A.HasExact = true;
    A.Exact = V;
    A.Signs = V < 0 ? Neg : V == 0 ? Zero : Pos;
    return A;
  }
  static AbsVal signs(uint8_t S) {
    AbsVal A;
    A.Signs = S;
    if (S == Zero) {
      A.HasExact = true;
      A.Exact = 0;
    }
    return A;
  }
  static AbsVal boolean(Tri T) {
    return T == Tri::True ? exact(1) : T == Tri::False ? exact(0) : signs(Zero | Pos);
  }
  bool isTop() const { return Signs == AnySign && !HasExact && !Token; }
  Tri truth() const {
    if (Signs == Zero)
      return Tri::False;
    if (!(Signs & Zero))
      return Tri::True;
    return Tri::Unknown;
  }
  bool operator==(const AbsVal &O) const {
    return std::tie(Signs, HasExact, Exact, Token, Failed) ==
           std::tie(O.Signs, O.HasExact, O.Exact, O.Token, O.Failed);
  }
  bool operator<(const AbsVal &O) const {
    return std::tie(Signs, HasExact, Exact, Token, Failed) <
           std::tie(O.Signs, O.HasExact, O.Exact, O.Token, O.Failed);
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

} // namespace clang::tidy::impersonation
