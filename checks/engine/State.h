// The engine's lattice: tracked expressions (PathKey, interned as KeyId), the abstract
// state at a program point with its witness trace, and a function's exits as its callers
// see them (Outcome, Summary, keyed by calling context). Header-only and inline: states
// are copied, compared and merged on the hot path. Internal to the engine.
#pragma once

#include "ImpersonationAnalysis.h"
#include "engine/Values.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace clang::tidy::impersonation::detail {

using KeyId = unsigned;

/// A tracked lvalue: a root declaration (null for `this`), then field steps, where a null
/// step is a dereference; optionally masked (`flags & F`).
struct PathKey {
  const ValueDecl *Root = nullptr;
  llvm::SmallVector<const FieldDecl *, 3> Steps;
  uint64_t Mask = 0;

  bool hasPrefix(const PathKey &P) const {
    if (Root != P.Root || Steps.size() < P.Steps.size())
      return false;
    if (P.Mask && (Steps.size() != P.Steps.size() || Mask != P.Mask))
      return false;
    return std::equal(P.Steps.begin(), P.Steps.end(), Steps.begin());
  }
};

class KeyTable {
public:
  KeyId intern(const PathKey &K) {
    llvm::hash_code H = llvm::hash_combine(K.Root, K.Mask, K.Steps.size());
    for (const FieldDecl *F : K.Steps)
      H = llvm::hash_combine(H, F);
    auto &Bucket = Ids[static_cast<size_t>(H)];
    for (KeyId Id : Bucket)
      if (same(Keys[Id], K))
        return Id;
    Bucket.push_back(Keys.size());
    Keys.push_back(K);
    return Keys.size() - 1;
  }
  const PathKey &key(KeyId Id) const { return Keys[Id]; }

private:
  static bool same(const PathKey &A, const PathKey &B) {
    return A.Root == B.Root && A.Mask == B.Mask && A.Steps == B.Steps;
  }
  llvm::DenseMap<size_t, llvm::SmallVector<KeyId, 1>> Ids; // by hash
  std::vector<PathKey> Keys;
};

using FactList = llvm::SmallVector<std::pair<KeyId, AbsVal>, 4>;

// Which way a `&&`, `||` or `?:` went is kept beside the call results, under a tagged
// pointer so it never reads as the operator's value.
inline const Stmt *choiceKey(const Stmt *Op) {
  return reinterpret_cast<const Stmt *>(reinterpret_cast<uintptr_t>(Op) | 1);
}

// The witness path: branch decisions and begins, newest first.
struct Trace {
  enum Kind : uint8_t { Begin, Failure, True, False, Case, Default, Raises };
  const Trace *Prev;
  const Stmt *At;
  Kind K;
};

/// Another begin a merged state stands for. Past the state bound, states that differ only
/// in which begin put the identity in force (or which begin failed, and the work done
/// since) are one state; each begin keeps its own site, failure and witness here, so that
/// it keeps its own warning. The values are those of the merged state when it was merged
/// (Rep*); they hold while its identity and failure stay what they were then: a begin or a
/// failure on the path since (a Begin or Failure node after MergedAt) ends them.
struct AlsoBegun {
  const Stmt *Site;
  const Stmt *FailedBegin;
  const Expr *FailedWork;
  const Trace *Witness;  // its own path up to the merge
  const Trace *MergedAt; // the merged state's witness at the merge
  const Stmt *RepSite;
  const Stmt *RepFailedBegin;
  const Expr *RepFailedWork;
  const AlsoBegun *Next;
};

struct State {
  Identity Id;
  const AlsoBegun *Also = nullptr; // the other begins a merged state stands for
  Identity ComSaved;
  bool InCom = false;
  FactList Facts;                                            // sorted by key
  llvm::SmallVector<std::pair<const Stmt *, AbsVal>, 2> Temps; // call results, choices
  const Stmt *TempRoot = nullptr;
  const Trace *Witness = nullptr;
  // A begin of this function (or a begin-wrapper call) that failed on this path, until an
  // end or a new begin; FailureKnown once a condition on its result was decided.
  const Stmt *FailedBegin = nullptr;
  bool FailureKnown = false;
  const Stmt *EndSite = nullptr; // the last end on the path (for notes only)

  // On a failure path: the first work done with the service's token since the failed
  // begin, and whether the code did anything about the failure once it tested it (an
  // assignment, a call) rather than only log it.
  const Expr *FailedWork = nullptr;
  bool FailureActedOn = false;

  bool sameFailure(const State &O) const {
    return FailedBegin == O.FailedBegin && FailureKnown == O.FailureKnown &&
           FailedWork == O.FailedWork && FailureActedOn == O.FailureActedOn;
  }
  // The function ended the identity it was entered with (a caller's impersonation): a
  // begin with a token kept from before then puts that identity back.
  bool EndedEntry = false;

  bool sameAs(const State &O) const {
    return Id == O.Id && InCom == O.InCom && (!InCom || ComSaved == O.ComSaved) &&
           sameFailure(O) && EndedEntry == O.EndedEntry && Facts == O.Facts &&
           Temps == O.Temps;
  }
  /// The same but for which begin is in force or failed (and the work done since, the
  /// witness): what a merged state may stand for.
  bool sameButBegins(const State &O) const {
    return Id.W == O.Id.W && Id.Com == O.Id.Com && Id.Own == O.Id.Own &&
           Id.Stored == O.Id.Stored && !Id.Site == !O.Id.Site && InCom == O.InCom &&
           (!InCom || ComSaved == O.ComSaved) && !FailedBegin == !O.FailedBegin &&
           !FailedWork == !O.FailedWork && FailureKnown == O.FailureKnown &&
           FailureActedOn == O.FailureActedOn && EndSite == O.EndSite &&
           EndedEntry == O.EndedEntry && Facts == O.Facts && Temps == O.Temps;
  }
  const AbsVal *fact(KeyId K) const {
    auto It = llvm::lower_bound(Facts, K, [](const auto &P, KeyId V) { return P.first < V; });
    return It != Facts.end() && It->first == K ? &It->second : nullptr;
  }
  void setFact(KeyId K, const AbsVal &V) {
    auto It = llvm::lower_bound(Facts, K, [](const auto &P, KeyId V) { return P.first < V; });
    if (It != Facts.end() && It->first == K) {
      if (V.isTop())
        Facts.erase(It);
      else
        It->second = V;
    } else if (!V.isTop()) {
      Facts.insert(It, {K, V});
    }
  }
  const AbsVal *temp(const Stmt *S) const {
    for (const auto &P : Temps)
      if (P.first == S)
        return &P.second;
    return nullptr;
  }
  void setTemp(const Stmt *S, const AbsVal &V) {
    for (auto &P : Temps)
      if (P.first == S) {
        P.second = V;
        return;
      }
    Temps.push_back({S, V});
  }
};

/// One exit of a function as its callers see it.
struct Outcome {
  Identity Id;
  bool InCom = false;
  Identity ComSaved;
  AbsVal Ret;
  FactList Facts; // on keys rooted at parameters, `this` or globals
  bool Failed = false; // a begin of the function failed on this path

  bool operator==(const Outcome &O) const {
    return Id == O.Id && InCom == O.InCom && (!InCom || ComSaved == O.ComSaved) &&
           Failed == O.Failed && Ret == O.Ret && Facts == O.Facts;
  }
};

struct Summary {
  std::vector<Outcome> Outcomes;
  std::vector<Outcome> Throws; // identities an exception leaves the function with
  bool Unknown = false;     // recursion that did not settle: calls are treated as opaque
  bool BeginWrapper = false;
  bool Swallows = false;    // a begin-wrapper that cannot tell its callers it failed
  bool Transfers = false;
  bool OperatesAtEntry = false; // a protected operation runs with the caller's identity
  FunctionReport Report;    // meaningful for the context-free run
};

/// How many distinct values each tracked expression has among \p Items (states or
/// outcomes), by key.
template <typename Range> std::map<KeyId, size_t> factVariety(const Range &Items) {
  std::map<KeyId, std::vector<AbsVal>> Values;
  for (const auto &I : Items)
    for (const auto &[K, V] : I.Facts)
      if (llvm::find(Values[K], V) == Values[K].end())
        Values[K].push_back(V);
  std::map<KeyId, size_t> Variety;
  for (const auto &[K, Vs] : Values)
    Variety[K] = Vs.size();
  return Variety;
}

/// The tracked expression with the most distinct values among \p Items: the first fact
/// to forget when there are too many of them.
template <typename Range> std::optional<KeyId> mostVariedKey(const Range &Items) {
  std::map<KeyId, size_t> Variety = factVariety(Items);
  if (Variety.empty())
    return std::nullopt;
  KeyId Drop = Variety.begin()->first;
  for (const auto &[K, N] : Variety)
    if (N > Variety[Drop])
      Drop = K;
  return Drop;
}

using ContextKey = std::pair<const FunctionDecl *, std::vector<std::pair<KeyId, AbsVal>>>;

struct ContextLess {
  bool operator()(const ContextKey &A, const ContextKey &B) const {
    if (A.first != B.first)
      return std::less<const FunctionDecl *>()(A.first, B.first);
    return std::lexicographical_compare(
        A.second.begin(), A.second.end(), B.second.begin(), B.second.end(),
        [](const auto &X, const auto &Y) {
          return X.first != Y.first ? X.first < Y.first : X.second < Y.second;
        });
  }
};

} // namespace clang::tidy::impersonation::detail
