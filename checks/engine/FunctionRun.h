// One run of the engine over one function in one calling context: a worklist over the
// function's CFG carrying small sets of States. Its methods are split by concern, as in
// clang's FlowSensitive: Conditions.cpp (evaluating and assuming), Transfer.cpp
// (statements and calls), Failures.cpp (failed begins, work, unchecked results), Run.cpp
// (the worklist, joins, exceptions, exits, the report); FactLiveness.cpp says which facts
// are still needed.
#pragma once

#include "FunctionCfg.h"
#include "engine/AnalysisImpl.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Allocator.h"
#include <map>

namespace clang::tidy::impersonation::detail {

class FactLiveness;

class FunctionRun {
public:
  using Impl = TranslationUnitAnalysis::Impl;

  FunctionRun(Impl &A, const FunctionDecl *FD, const FactList &Entry, Summary &Out)
      : A(A), FD(FD), EntryFacts(Entry), Out(Out) {}

  void run();

private:
  Impl &A;
  const FunctionDecl *FD;
  const FactList &EntryFacts;
  Summary &Out;

  FunctionCfg G;
  llvm::BumpPtrAllocator Arena;
  // Most blocks are reached by a single state: keep it inline, not in a heap allocation
  // of its own per block.
  using StateSet = llvm::SmallVector<State, 1>;
  std::vector<StateSet> In;             // per block id
  // Scratch vectors reused so that visiting a block or a call allocates nothing: the
  // states flowing through the block being visited, and those after a call element.
  std::vector<State> BlockStates;
  std::vector<State> AfterCall;
  std::vector<unsigned> Order;          // block id -> reverse post-order index
  llvm::BitVector Pending;              // by reverse post-order index
  std::vector<unsigned> BlockAtOrder;   // reverse post-order index -> block id
  llvm::DenseMap<const Stmt *, const CFGBlock *> DispatchOf; // try statement -> block
  llvm::DenseMap<const Stmt *, const Stmt *> SyntheticDecl;
  llvm::SmallPtrSet<const Stmt *, 4> ActedSites; // own begins under which code acted
  llvm::SmallPtrSet<const Stmt *, 4> WidenedAt;
  bool IsCXX = false;
  const Stmt *CurrentElementStmt = nullptr; // for destructors: where they run
  std::vector<const CFGBlock *> ById;
  std::vector<bool> Widened;
  std::vector<llvm::SmallVector<KeyId, 4>> DroppedKeys; // per block, once widened
  const FactLiveness *Live = nullptr;
  uint64_t Work = 0; // state operations so far, against Config.AnalysisBudget
  KeyId factToDrop(const StateSet &Set, unsigned BlockId) const;

  struct LeakInfo {
    Leak L;
    bool HaveWitness = false;
  };
  std::map<const Stmt *, LeakInfo> Leaks;
  std::vector<const Stmt *> LeakOrder;
  llvm::SmallPtrSet<const Stmt *, 2> KeptAtExit; // own begins with a kept token, at exits

  // Evaluation and refinement.
  std::optional<KeyId> keyId(const Expr *E) const;
  bool tracked(const PathKey &K) const;
  /// Whether a condition can say anything: it reads a tracked root, a call result or a
  /// choice. Others are feasible both ways and teach nothing (most branches of a service).
  bool conditionMatters(const Expr *E);
  llvm::DenseMap<const Expr *, bool> MattersCache;
  mutable llvm::DenseMap<const Expr *, std::optional<int64_t>> ConstantCache;
  mutable llvm::DenseMap<const Expr *, std::optional<KeyId>> KeyCache;
  mutable llvm::DenseMap<const Expr *, std::optional<PathKey>> PathCache;
  /// A.keyOf, once per expression and run.
  const std::optional<PathKey> &pathOf(const Expr *E) const {
    auto [It, New] = PathCache.try_emplace(E, std::nullopt);
    if (New)
      It->second = A.keyOf(E);
    return It->second;
  }
  AbsVal eval(const Expr *E, const State &S) const;
  Tri truth(const Expr *E, const State &S) const { return eval(E, S).truth(); }
  bool assume(State &S, const Expr *E, bool Outcome) const;
  bool learn(State &S, const Expr *E, unsigned Op, int64_t C, bool Outcome) const;
  /// \p V converted to the integer type \p T as C converts it.
  AbsVal inType(const AbsVal &V, QualType T) const;
  /// Whether converting from \p From to \p To keeps every value.
  bool keepsValues(QualType From, QualType To) const;
  /// `x op c` with c a constant or a value this path knows exactly, x on the left.
  struct Comparison {
    const Expr *Operand;
    unsigned Op;
    int64_t Value;
  };
  std::optional<Comparison> asComparisonWithConstant(const BinaryOperator *BO,
                                                     const State &S) const;
  std::optional<int64_t> constant(const Expr *E) const;
  std::optional<int64_t> computeConstant(const Expr *E) const;

  void kill(State &S, const PathKey &Prefix) const;
  void assign(State &S, const Expr *LHS, const AbsVal &V) const;

  // Transfer.
  void transferElement(const CFGElement &E, std::vector<State> &States);
  void transferCallElement(const Expr *Call, std::vector<State> &States);
  void transferSimple(const Stmt *S, State &St);
  void transferCall(const Expr *Call, State &&St, std::vector<State> &Out,
                    const PathKey *This);
  void applySummary(const Expr *Call, const FunctionDecl *Callee, const PathKey *This,
                    State &&St, std::vector<State> &Out);
  void opaqueCall(const Expr *Call, State &St) const;
  std::optional<AbsVal> modelledResult(const CallExpr *C, const State &St) const;
  static bool isKeptToken(const Expr *Tok);
  static bool isTruthValue(const Expr *E);
  void destroy(const VarDecl *VD, const std::vector<Impl::MemberDestructor> &Dtors,
               std::vector<State> &States);
  bool isWork(const Expr *Call) const;
  static bool isLoggingOrNativeApi(const FunctionDecl *F);
  void noteWork(const Expr *Call, State &St);
  void failureReachesRevert(const State &St);
  void recordUnchecked(const Stmt *Begin, const Expr *Op, std::string OpName,
                       std::vector<PathNote> Witness);
  void confirmFailedWork();
  bool inAssertion(SourceLocation Loc) const;
  bool cannotTellFailure() const;
  bool decidedOutside(const Trace *T) const;
  SourceLocation SkipExit; // a revert helper's exit without its end
  std::vector<PathNote> SkipWitness;
  const Stmt *SwallowedBegin = nullptr; // the first failed begin that reaches an exit
  SourceLocation SwallowedAt;
  const Trace *SwallowedWitness = nullptr;
  struct FailedWorkCandidate {
    const Stmt *Begin;
    const Expr *Call;
    const Trace *Witness;
  };
  std::vector<FailedWorkCandidate> FailedWorkSeen;
  llvm::SmallPtrSet<const Stmt *, 2> NeverSucceeds; // begins given a truth value as token
  llvm::DenseMap<const Expr *, llvm::SmallPtrSet<const Stmt *, 2>> ActedAsClientAt;
  /// The object a member call acts on, as a tracked path.
  std::optional<PathKey> objectOf(const CXXMemberCallExpr *MC) const;
  bool isCurrentThread(const Expr *E, const State &St) const;
  bool isCurrentProcess(const Expr *E, const State &St) const;
  void noteActed(const State &St, const Expr *Call);
  public:
  static std::string displayName(const Expr *Call);
  /// \p St is the path on which the begin \p Call failed: its result is the convention's
  /// failure, marked so that a test of it notices the failure.
  void markFailedBegin(State &St, const Expr *Call, const ApiEntry &Api);

private:
  /// Records the identity in force at a call; \p OpName names a protected operation.
  void observe(const Expr *Call, const State &St, llvm::StringRef OpName, bool OpFixed);
  void observeOne(const Expr *Call, const State &St, llvm::StringRef OpName, bool OpFixed);

  // Control flow.
  const Stmt *rootOf(const Stmt *S);
  static const CFGBlock *successor(const CFGBlock *From, const CFGBlock::AdjacentBlock &A);
  const Stmt *enclosingTry(const Stmt *S, bool &IsSeh);
  void collectLiveObjects(const Stmt *From, const Stmt *Stop,
                          llvm::SmallVectorImpl<const VarDecl *> &Vars);
  void runDestructors(const Stmt *From, const Stmt *Stop, std::vector<State> &States);
  void raise(const Stmt *At, std::vector<State> States);
  void exitWith(const State &S, SourceLocation Loc, ExitKind K);
  void exitOne(const State &S, SourceLocation Loc, ExitKind K);
  void propagate(const CFGBlock *To, State &&S, const Stmt *Cond,
                 Trace::Kind K);
  void join(const CFGBlock *To, State &&S);

  // Merged states (State::Also): one state for several begins past the bound.
  struct BeginTuple {
    const Stmt *Site, *FailedBegin;
    const Expr *FailedWork;
    bool operator==(const BeginTuple &O) const {
      return Site == O.Site && FailedBegin == O.FailedBegin && FailedWork == O.FailedWork;
    }
  };
  static BeginTuple tupleOf(const State &S) { return {S.Id.Site, S.FailedBegin, S.FailedWork}; }
  struct SinceMerge {
    bool SiteHolds, FailureHolds;
  };
  using SinceMerges = llvm::DenseMap<const Trace *, SinceMerge>;
  /// For each point of \p S's path, whether a begin or a failure lies between it and
  /// the state.
  SinceMerges sinceMerges(const State &S) const;
  /// The begin \p N stands for in \p S, or nothing when a begin since the merge ended it.
  std::optional<BeginTuple> memberOf(const State &S, const AlsoBegun &N,
                                     const SinceMerges &Since) const;
  /// \p N's own path to the merge, then \p S's since.
  const Trace *witnessOf(const State &S, const AlsoBegun &N);
  /// \p S as the begin \p N (with tuple \p B) stands for.
  State viewOf(const State &S, const AlsoBegun &N, const BeginTuple &B);
  /// Calls \p Fn(N, B) for each other begin \p N a merged \p S still stands for, with
  /// its tuple \p B.
  template <class F> void forEachOtherBegin(const State &S, F &&Fn) const {
    if (!S.Also)
      return;
    SinceMerges Since = sinceMerges(S);
    for (const AlsoBegun *N = S.Also; N; N = N->Next)
      if (std::optional<BeginTuple> B = memberOf(S, *N, Since); B && !(*B == tupleOf(S)))
        Fn(*N, *B);
  }
  /// Calls \p Fn with the begin of \p S and each other begin it stands for (site,
  /// failure, work; no witness).
  template <class F> void forEachBeginTuple(const State &S, F &&Fn) const {
    Fn(tupleOf(S));
    forEachOtherBegin(S, [&](const AlsoBegun &, const BeginTuple &B) { Fn(B); });
  }
  /// Calls \p Fn with \p S and, for a merged state, with each other begin it stands for.
  template <class F> void forEachBegin(const State &S, F &&Fn) {
    Fn(S);
    forEachOtherBegin(S, [&](const AlsoBegun &N, const BeginTuple &B) {
      Fn(viewOf(S, N, B));
    });
  }
  using MemberSet = llvm::DenseSet<std::tuple<const void *, const void *, const void *>>;
  /// The begins a merged state stands for, by its list and witness.
  llvm::DenseMap<std::pair<const AlsoBegun *, const Trace *>, MemberSet> Members;
  /// Makes \p Into also stand for the begins of \p From; whether it gained any.
  bool absorb(State &Into, const State &From);
  /// Merges the states of \p Set that differ only in their begins.
  void mergeBegins(StateSet &Set);
  const Trace *extend(const Trace *T, const Stmt *At, Trace::Kind K) {
    return new (Arena.Allocate<Trace>()) Trace{T, At, K};
  }
  void finish();
  /// The handler of a constructor's or destructor's function-try-block that \p B ends, if
  /// it is in one.
  const CXXCatchStmt *functionTryHandlerOf(const CFGBlock *B) const;
  /// The branch decisions on \p T since the begin (or failed begin) at \p Site.
  std::vector<PathNote> witnessNotes(const Trace *T, const Stmt *Site,
                                     Trace::Kind From = Trace::Begin) const;
  PathKey paramKey(const ValueDecl *P) const {
    PathKey K;
    K.Root = P;
    return K;
  }
};

} // namespace clang::tidy::impersonation::detail
