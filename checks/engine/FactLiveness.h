// Which facts a function still needs, and where (facts kept by need, not by accident).
//
// A fact about a tracked expression is worth keeping at a point only while some later
// *relevant* read can use it: a branch condition that decides a begin, an end, a jump, a
// protected operation, a call the engine follows, or an assignment that is itself needed;
// the arguments of such calls; the value of a needed assignment or a return. A backward
// liveness over the CFG, iterated with the relevance of conditions until both settle.
// Facts on what the function's callers can see (what parameters point to, `this`,
// globals) stay live to the exits; what parameters point to only when something in the
// translation unit can call the function and read its outcomes. The run forgets dead facts where paths join, so states
// that differ only in them merge; when the state bound must still drop a fact, it drops
// the one whose next read is furthest away.
#pragma once

#include "engine/State.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang::tidy::impersonation::detail {

class FactLiveness {
public:
  /// \p Order maps a block id to its reverse post-order index.
  static std::unique_ptr<FactLiveness> compute(TranslationUnitAnalysis::Impl &A,
                                               const FunctionDecl *FD, const CFG &Cfg,
                                               const std::vector<unsigned> &Order);
  /// Whether a caller in the translation unit may read \p FD's outcomes: it is named
  /// somewhere (called, its address taken), or it is a method (virtual dispatch,
  /// constructors and destructors run without being named).
  static bool exitsObserved(const FunctionDecl *FD);

  /// Whether a fact on \p K may still be read from the entry of block \p BlockId on.
  bool needed(unsigned BlockId, KeyId K) const {
    auto It = Local.find(K);
    if (It == Local.end())
      return true; // written by a callee into what the body never names: kept
    return CallerVisible.test(It->second) || LiveIn[BlockId].test(It->second);
  }
  /// How many blocks (in reverse post-order) lie between block \p BlockId and the next
  /// relevant read of \p K: the fact to drop first has the largest.
  unsigned distance(unsigned BlockId, KeyId K) const;
  /// Whether a fact on \p K decides a begin or an end somewhere: kept over the others.
  bool guardsIdentity(KeyId K) const {
    auto It = Local.find(K);
    return It != Local.end() && It->second < GuardsIdentity.size() &&
           GuardsIdentity.test(It->second);
  }
  /// Whether a branch on \p Terminator can decide anything that matters.
  bool relevantCondition(const Stmt *Terminator) const {
    return RelevantTerms.count(Terminator);
  }

private:
  bool isLocalKey(KeyId K) const;
  bool isParameterPointee(KeyId K) const;

  const KeyTable *Keys = nullptr;
  llvm::DenseMap<KeyId, unsigned> Local;          // tracked key -> bit index
  llvm::BitVector CallerVisible;                  // by bit: live to every exit
  bool ExitsObserved = true;
  llvm::BitVector GuardsIdentity;                 // by bit: read by a condition around a
                                                  // begin or an end
  std::vector<llvm::BitVector> LiveIn;            // per block id
  std::vector<std::vector<unsigned>> UseOrder;    // per bit index: sorted RPO of reads
  std::vector<unsigned> Order;                    // block id -> RPO index
  unsigned NumOrdered = 0;
  llvm::SmallPtrSet<const Stmt *, 16> RelevantTerms;

  friend class LivenessBuilder;
};

} // namespace clang::tidy::impersonation::detail
