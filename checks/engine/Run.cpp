// FunctionRun's driver: the worklist in reverse post-order, joins bounded by
// MaxStatesPerPoint, exceptions (destructors, try handlers), the function's exits
// (outcomes for its callers, leaks with their witness notes) and its report.
#include "engine/FunctionRun.h"

#include "engine/FactLiveness.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include <set>

namespace clang::tidy::impersonation::detail {

// clang marks a switch's default unreachable when the cases name every enumerator; a
// value read from a request can still be anything, so follow it.
const CFGBlock *FunctionRun::successor(const CFGBlock *From, const CFGBlock::AdjacentBlock &A) {
  if (const CFGBlock *B = A.getReachableBlock())
    return B;
  return isa_and_nonnull<SwitchStmt>(From->getTerminatorStmt()) ? A.getPossiblyUnreachableBlock()
                                                                  : nullptr;
}

const Stmt *FunctionRun::rootOf(const Stmt *S) {
  if (auto It = SyntheticDecl.find(S); It != SyntheticDecl.end())
    S = It->second;
  auto It = G.Index.find(S);
  // The CFG adds a branch condition's conversion to bool (C++) as an element of its own:
  // it belongs to the full expression of what it converts.
  while (It == G.Index.end() && isa<ImplicitCastExpr, ParenExpr>(S)) {
    S = *S->child_begin();
    It = G.Index.find(S);
  }
  return It != G.Index.end() ? It->second.Root : S;
}

const Stmt *FunctionRun::enclosingTry(const Stmt *S, bool &IsSeh) {
  auto It = G.Index.find(S);
  if (It == G.Index.end() || !It->second.Try)
    return nullptr;
  IsSeh = isa<SEHTryStmt>(It->second.Try);
  return It->second.Try;
}

void FunctionRun::collectLiveObjects(const Stmt *From, const Stmt *StopTry,
                                     llvm::SmallVectorImpl<const VarDecl *> &Vars) {
  auto It = G.Index.find(From);
  if (It == G.Index.end())
    return;
  const LiveObject *Stop = StopTry ? G.LiveAtTry.lookup(StopTry) : nullptr;
  for (const LiveObject *L = It->second.Live; L && L != Stop; L = L->Next)
    Vars.push_back(L->Var);
}

void FunctionRun::runDestructors(const Stmt *From, const Stmt *Stop, std::vector<State> &States) {
  llvm::SmallVector<const VarDecl *, 4> Vars;
  collectLiveObjects(From, Stop, Vars);
  for (const VarDecl *VD : Vars)
    if (const auto *RD = VD->getType()->getAsCXXRecordDecl())
      destroy(VD, A.destructorsOf(RD), States);
}

// An exception leaves \p At: run the destructors of the objects it destroys, then enter
// the handlers of the enclosing try, or leave the function.
void FunctionRun::raise(const Stmt *At, std::vector<State> States) {
  bool IsSeh = false;
  const Stmt *Try = enclosingTry(At, IsSeh);
  runDestructors(At, Try, States);
  if (Try) {
    if (const CFGBlock *D = DispatchOf.lookup(Try)) {
      for (State &S : States)
        join(D, std::move(S));
      return;
    }
  }
  for (const State &S : States)
    exitWith(S, At->getBeginLoc(), ExitKind::Throw);
}

void FunctionRun::exitWith(const State &Merged, SourceLocation Loc, ExitKind K) {
  forEachBegin(Merged, [&](const State &S) { exitOne(S, Loc, K); });
}

void FunctionRun::exitOne(const State &S, SourceLocation Loc, ExitKind K) {
  Outcome O;
  O.Id = S.Id;
  O.InCom = S.InCom;
  O.ComSaved = S.ComSaved;
  O.Failed = S.FailedBegin != nullptr;
  for (const auto &[Key, V] : S.Facts) {
    const PathKey &PK = A.Keys.key(Key);
    if (!PK.Root || isa<ParmVarDecl>(PK.Root) || A.TrackedGlobals.count(PK.Root))
      O.Facts.push_back({Key, V});
  }
  // A revert helper leaving without its end, on a path an outside fact decided.
  if (K != ExitKind::Throw && S.Id.W == Who::Entry && !SkipExit.isValid() &&
      A.Info[FD].ContainsEnd && !A.Info[FD].MayBegin &&
      decidedOutside(S.Witness)) {
    SkipExit = Loc;
    SkipWitness = witnessNotes(S.Witness, nullptr);
  }
  if (K != ExitKind::Throw && S.FailedBegin && !SwallowedBegin && !S.Id.impersonating()) {
    SwallowedBegin = S.FailedBegin;
    SwallowedAt = Loc;
    SwallowedWitness = S.Witness;
  }
  if (K == ExitKind::Throw) {
    if (llvm::find(Out.Throws, O) == Out.Throws.end())
      Out.Throws.push_back(O);
  } else {
    for (const auto &[Stm, V] : S.Temps)
      if (!(reinterpret_cast<uintptr_t>(Stm) & 1) && isa<ReturnStmt>(Stm))
        O.Ret = V;
    if (llvm::find(Out.Outcomes, O) == Out.Outcomes.end())
      Out.Outcomes.push_back(O);
  }
  // A token kept from before the request (the process's standing identity: a global, a
  // member, what a getter returns) left on the thread is that identity, by contract; its
  // failure is still checked (unchecked-result).
  if (S.Id.impersonating() && S.Id.Own && S.Id.Stored)
    KeptAtExit.insert(S.Id.Site);
  if (!S.Id.impersonating() || !S.Id.Own || S.Id.Stored)
    return;
  auto [It, New] = Leaks.try_emplace(S.Id.Site);
  LeakInfo &LI = It->second;
  if (New) {
    LeakOrder.push_back(S.Id.Site);
    LI.L.BeginSite = S.Id.Site;
    LI.L.Com = S.Id.Com;
  }
  bool Seen = false, First = true;
  for (const LeakExit &E : LI.L.Exits) {
    Seen |= E.Loc == Loc && E.Kind == K;
    if (!A.SM.isBeforeInTranslationUnit(Loc, E.Loc))
      First = false;
  }
  if (!Seen)
    LI.L.Exits.push_back({Loc, K});
  if (!LI.HaveWitness || First) {
    LI.L.Witness = witnessNotes(S.Witness, S.Id.Site);
    LI.HaveWitness = true;
  }
}

std::vector<PathNote> FunctionRun::witnessNotes(const Trace *T, const Stmt *Site,
                                               Trace::Kind From) const {
  std::vector<const Trace *> Path;
  for (; T; T = T->Prev) {
    if (T->K == From && T->At == Site)
      break;
    if (T->K != Trace::Begin && T->K != Trace::Failure)
      Path.push_back(T);
  }
  std::vector<PathNote> Notes;
  std::set<std::pair<unsigned, std::string>> Seen;
  for (auto It = Path.rbegin(); It != Path.rend(); ++It) {
    const Trace *N = *It;
    std::string Text;
    switch (N->K) {
    case Trace::True:
      Text = "assuming the condition is true";
      break;
    case Trace::False:
      Text = "assuming the condition is false";
      break;
    case Trace::Case:
      Text = "taking this case";
      break;
    case Trace::Default:
      Text = "taking the default case";
      break;
    case Trace::Raises:
      Text = "if '" + displayName(cast<Expr>(N->At)) + "' raises an exception here";
      break;
    case Trace::Begin:
    case Trace::Failure:
      continue;
    }
    SourceLocation Loc = N->At->getBeginLoc();
    if (Seen.insert({Loc.getRawEncoding(), Text}).second)
      Notes.push_back({Loc, Text});
  }
  // The decisions nearest the exit explain it best: keep the last ones.
  constexpr size_t MaxWitnessNotes = 10;
  if (Notes.size() > MaxWitnessNotes)
    Notes.erase(Notes.begin(), Notes.end() - MaxWitnessNotes);
  return Notes;
}

// Whether \p Loc comes from an assertion macro: assert, _ASSERT(E), ATLASSERT, VERIFY...
bool FunctionRun::inAssertion(SourceLocation Loc) const {
  static const llvm::StringSet<> Names = {
      "assert",    "_ASSERT",   "_ASSERTE", "_ASSERT_EXPR", "ATLASSERT", "ATLVERIFY",
      "ASSERT",    "VERIFY",    "_ASSERT_BASE", "Q_ASSERT", "DCHECK",  "g_assert",
      "ASSERTMSG", "NT_ASSERT", "NT_VERIFY", "WINRT_ASSERT"};
  for (unsigned Depth = 0; Loc.isMacroID() && Depth < 16; ++Depth) {
    llvm::StringRef Name = Lexer::getImmediateMacroName(Loc, A.SM, A.Ctx.getLangOpts());
    if (Names.contains(Name))
      return true;
    Loc = A.SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

// How a message names a tracked expression: `ctx->imp`, `req.flags & 0x4`, `this->m_token`.
static std::string describe(const PathKey &K) {
  std::string Out = K.Root ? K.Root->getNameAsString() : "this";
  bool Deref = !K.Root; // `this` is a pointer
  for (const FieldDecl *F : K.Steps) {
    if (!F) {
      if (Deref)
        Out = "*" + Out;
      Deref = true;
      continue;
    }
    Out += (Deref ? "->" : ".") + F->getNameAsString();
    Deref = false;
  }
  if (Deref && K.Root)
    Out = "*" + Out;
  if (K.Mask) {
    char Buf[24];
    snprintf(Buf, sizeof Buf, " & 0x%llx", static_cast<unsigned long long>(K.Mask));
    Out += Buf;
  }
  return Out;
}

KeyId FunctionRun::factToDrop(const StateSet &Set, unsigned BlockId) const {
  // Facts that decide a begin or an end go last; among the others, the one read furthest
  // from here goes first, then the most varied (a counter, a size).
  std::map<KeyId, size_t> Variety = factVariety(Set);
  KeyId Best = Variety.begin()->first;
  auto rank = [&](KeyId K) {
    bool Guards = Live && Live->guardsIdentity(K);
    return std::make_tuple(!Guards, Live ? Live->distance(BlockId, K) : 0u, Variety[K]);
  };
  for (const auto &Entry : Variety)
    if (rank(Entry.first) > rank(Best))
      Best = Entry.first;
  return Best;
}

void FunctionRun::join(const CFGBlock *To, State &&S) {
  StateSet &Set = In[To->getBlockID()];
  Work += Set.size() + 1;
  // Facts nothing reads from here on are forgotten, so that states differing only in
  // them merge.
  if (Live)
    llvm::erase_if(S.Facts,
                   [&](const auto &F) { return !Live->needed(To->getBlockID(), F.first); });
  // Facts forgotten here once stay forgotten: the set of facts only shrinks, so the
  // analysis terminates.
  if (Widened[To->getBlockID()]) {
    S.Temps.clear();
    const auto &Dropped = DroppedKeys[To->getBlockID()];
    llvm::erase_if(S.Facts, [&](const auto &F) { return llvm::is_contained(Dropped, F.first); });
  }
  // A state already here stands for this one: it takes this one's begins (when they
  // differ, or it is merged), and the block runs again if it gained any.
  auto coveredBy = [&](State &T) {
    if (absorb(T, S))
      Pending.set(Order[To->getBlockID()]);
  };
  for (State &T : Set)
    if (T.sameAs(S))
      return coveredBy(T);
  if (Widened[To->getBlockID()]) {
    // Past the bound, a state that differs only in its begins joins the merged one.
    for (State &T : Set)
      if (T.sameButBegins(S))
        return coveredBy(T);
    // Once facts are being dropped here, a state with fewer facts and the same identity
    // covers this one (before that, facts come from the program's finite constants).
    for (State &T : Set)
      if (T.Id == S.Id && T.InCom == S.InCom && T.sameFailure(S) && T.Temps == S.Temps &&
          std::includes(S.Facts.begin(), S.Facts.end(), T.Facts.begin(), T.Facts.end(),
                        [](const auto &X, const auto &Y) {
                          return X.first != Y.first ? X.first < Y.first : X.second < Y.second;
                        }))
        return coveredBy(T);
  }
  Set.push_back(std::move(S));
  // A function whose states never pile up is not worth the liveness pass; one where a
  // few branches already multiply them is, long before the bound.
  constexpr unsigned StatesBeforeLiveness = 4;
  if (Set.size() > std::min(StatesBeforeLiveness, A.Config.MaxStatesPerPoint) && !Live) {
    // The first time the states pile up: learn which facts are still needed, and forget
    // the others here and at every join from now on.
    auto &FI = A.Info[FD];
    if (!FI.Liveness)
      FI.Liveness = FactLiveness::compute(A, FD, *G.Graph, Order);
    Live = FI.Liveness.get();
    for (State &T : Set)
      llvm::erase_if(T.Facts,
                     [&](const auto &F) { return !Live->needed(To->getBlockID(), F.first); });
  }
  if (Set.size() > A.Config.MaxStatesPerPoint) {
    // Too many states here: first merge those that differ only in which begin is in
    // force (each begin keeps its warning), then forget facts; never states.
    auto dedupe = [&](StateSet &V) {
      StateSet Merged;
      for (State &T : V) {
        bool Dup = false;
        for (State &M : Merged)
          if (M.sameAs(T)) {
            absorb(M, T);
            Dup = true;
            break;
          }
        if (!Dup)
          Merged.push_back(std::move(T));
      }
      V = std::move(Merged);
      mergeBegins(V);
    };
    for (State &T : Set)
      T.Temps.clear();
    dedupe(Set);
    size_t DroppedBefore = DroppedKeys[To->getBlockID()].size();
    while (Set.size() > A.Config.MaxStatesPerPoint &&
           llvm::any_of(Set, [](const State &T) { return !T.Facts.empty(); })) {
      KeyId Drop = factToDrop(Set, To->getBlockID());
      for (State &T : Set)
        llvm::erase_if(T.Facts, [&](const auto &F) { return F.first == Drop; });
      DroppedKeys[To->getBlockID()].push_back(Drop);
      dedupe(Set);
    }
    Widened[To->getBlockID()] = true;
    const Stmt *First = nullptr;
    for (const CFGElement &E : *To)
      if (auto CS = E.getAs<CFGStmt>()) {
        First = CS->getStmt();
        break;
      }
    const auto &Dropped = DroppedKeys[To->getBlockID()];
    if (First && Dropped.size() > DroppedBefore) {
      std::string Names;
      for (size_t I = DroppedBefore; I < Dropped.size(); ++I)
        Names += std::string(I == DroppedBefore ? "" : I + 1 == Dropped.size() ? " and " : ", ") +
                 "'" + describe(A.Keys.key(Dropped[I])) + "'";
      // Where the user can see it: a point that starts in a system macro (S_OK) is
      // shown where the macro is used.
      Out.Report.DebugNotes.push_back(
          {A.SM.getFileLoc(First->getBeginLoc()),
           "more than " + std::to_string(A.Config.MaxStatesPerPoint) +
               " states reach this point: the facts about " + Names + " are dropped here"});
    }
  }
  Pending.set(Order[To->getBlockID()]);
}

FunctionRun::SinceMerges FunctionRun::sinceMerges(const State &S) const {
  // For each node on the path (and its start), what lies between it and the state: a
  // begin ends what a merge there knew of the begins, a failure what it knew of failures.
  SinceMerges Map;
  bool SiteHolds = true, FailureHolds = true;
  for (const Trace *T = S.Witness;; T = T->Prev) {
    Map.try_emplace(T, SinceMerge{SiteHolds, FailureHolds});
    if (!T)
      break;
    if (T->K == Trace::Begin)
      SiteHolds = FailureHolds = false;
    else if (T->K == Trace::Failure)
      FailureHolds = false;
  }
  return Map;
}

std::optional<FunctionRun::BeginTuple>
FunctionRun::memberOf(const State &S, const AlsoBegun &N, const SinceMerges &Since) const {
  auto It = Since.find(N.MergedAt);
  if (It == Since.end() || !It->second.SiteHolds)
    return std::nullopt;
  BeginTuple B = tupleOf(S);
  if (S.Id.Site == N.RepSite)
    B.Site = N.Site;
  if (It->second.FailureHolds) {
    if (S.FailedBegin == N.RepFailedBegin)
      B.FailedBegin = N.FailedBegin;
    if (S.FailedWork == N.RepFailedWork)
      B.FailedWork = N.FailedWork;
  }
  return B;
}

const Trace *FunctionRun::witnessOf(const State &S, const AlsoBegun &N) {
  // Its own path to the merge, then the merged state's since.
  llvm::SmallVector<const Trace *, 16> Since;
  for (const Trace *T = S.Witness; T && T != N.MergedAt; T = T->Prev)
    Since.push_back(T);
  const Trace *W = N.Witness;
  for (auto It = Since.rbegin(); It != Since.rend(); ++It)
    W = extend(W, (*It)->At, (*It)->K);
  return W;
}

State FunctionRun::viewOf(const State &S, const AlsoBegun &N, const BeginTuple &B) {
  State V = S;
  V.Also = nullptr;
  V.Id.Site = B.Site;
  V.FailedBegin = B.FailedBegin;
  V.FailedWork = B.FailedWork;
  V.Witness = witnessOf(S, N);
  return V;
}

bool FunctionRun::absorb(State &Into, const State &From) {
  // The common case: a state of the same origin (its begins are Into's) or the same
  // state again: nothing to learn, and nothing worth counting the members for.
  if (tupleOf(From) == tupleOf(Into) && (!From.Also || From.Also == Into.Also))
    return false;
  // The begins Into stands for, kept between calls: a join point where the states of a
  // thousand begins arrive one by one adds to the same merged state each time.
  auto key = [](const BeginTuple &B) {
    return std::make_tuple<const void *, const void *, const void *>(B.Site, B.FailedBegin,
                                                                     B.FailedWork);
  };
  MemberSet Have;
  if (auto It = Members.find({Into.Also, Into.Witness}); It != Members.end()) {
    Have = std::move(It->second);
    Members.erase(It);
  } else {
    forEachBeginTuple(Into, [&](const BeginTuple &B) { Have.insert(key(B)); });
  }
  bool Gained = false;
  auto add = [&](const BeginTuple &B, const Trace *Witness) {
    if (!Have.insert(key(B)).second)
      return;
    Into.Also = new (Arena.Allocate<AlsoBegun>())
        AlsoBegun{B.Site,       B.FailedBegin,    B.FailedWork,    Witness,   Into.Witness,
                  Into.Id.Site, Into.FailedBegin, Into.FailedWork, Into.Also};
    Gained = true;
  };
  add(tupleOf(From), From.Witness);
  if (From.Also != Into.Also)
    forEachOtherBegin(From, [&](const AlsoBegun &N, const BeginTuple &B) {
      if (!Have.contains(key(B)))
        add(B, witnessOf(From, N));
    });
  Members[{Into.Also, Into.Witness}] = std::move(Have);
  return Gained;
}

void FunctionRun::mergeBegins(StateSet &Set) {
  if (Set.size() <= A.Config.MaxStatesPerPoint)
    return;
  StateSet Merged;
  for (State &T : Set) {
    auto It = llvm::find_if(Merged, [&](const State &M) { return M.sameButBegins(T); });
    if (It == Merged.end())
      Merged.push_back(std::move(T));
    else
      absorb(*It, T);
  }
  Set = std::move(Merged);
}

void FunctionRun::propagate(const CFGBlock *To, State &&S, const Stmt *Cond,
                            Trace::Kind K) {
  if (Cond)
    S.Witness = extend(S.Witness, Cond, K);
  join(To, std::move(S));
}

const CXXCatchStmt *FunctionRun::functionTryHandlerOf(const CFGBlock *B) const {
  const auto *Try = dyn_cast_or_null<CXXTryStmt>(FD->getBody());
  if (!Try || !isa<CXXConstructorDecl, CXXDestructorDecl>(FD))
    return nullptr;
  // Where the block is: its last statement, or the handler it opens when it has none.
  SourceLocation At;
  for (auto It = B->rbegin(); It != B->rend() && At.isInvalid(); ++It)
    if (auto CS = It->getAs<CFGStmt>())
      At = CS->getStmt()->getBeginLoc();
  if (At.isInvalid())
    if (const auto *Label = dyn_cast_or_null<CXXCatchStmt>(B->getLabel()))
      At = Label->getBeginLoc();
  if (At.isInvalid())
    return nullptr;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const CXXCatchStmt *H = Try->getHandler(I);
    SourceRange R = H->getSourceRange();
    if (!A.SM.isBeforeInTranslationUnit(At, R.getBegin()) &&
        !A.SM.isBeforeInTranslationUnit(R.getEnd(), At))
      return H;
  }
  return nullptr;
}

void FunctionRun::run() {
  IsCXX = A.Ctx.getLangOpts().CPlusPlus;
  A.RunFunctions.insert(FD);
  Out.Report.Function = FD;
  // A function declared to begin (annotation or option) leaves impersonation to its
  // callers on purpose, like one marked impersonation::transfers.
  const ApiEntry *Declared = A.Apis.lookupDecl(FD);
  // A guard's constructor begins for the scope that holds the guard: its destruction
  // ends it (directly or through a member's destructor).
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD);
  // A file that implements a begin API itself (a compatibility layer's
  // ImpersonateLoggedOnUser) leaves impersonation in force by that API's contract.
  const ApiEntry *Implemented = !isa<CXXMethodDecl>(FD) && FD->getIdentifier() &&
                                        FD->getDeclContext()->getRedeclContext()->isTranslationUnit()
                                    ? A.Apis.builtinNamed(FD->getName())
                                    : nullptr;
  Out.Transfers = ApiModel::annotation(FD, "transfers").has_value() ||
                  (Declared && Declared->Role == ApiRole::Begin) ||
                  (Implemented && Implemented->Role == ApiRole::Begin) ||
                  (Ctor && A.destructionEnds(Ctor->getParent()));
  Out.Report.Transfers = Out.Transfers;
  G = buildFunctionCfg(FD, A.Ctx);
  if (!G.Graph) {
    Out.Report.NotAnalysed = G.Failure;
    Out.Unknown = true;
    return;
  }
  A.roots(FD);
  const CFG &Cfg = *G.Graph;
  for (const auto &[Synth, Orig] : Cfg.synthetic_stmts())
    SyntheticDecl[Synth] = Orig;

  // Reverse post-order: the worklist visits blocks in a fixed order, which makes the
  // witness paths deterministic.
  unsigned N = Cfg.getNumBlockIDs();
  In.assign(N, {});
  Order.assign(N, ~0u);
  ById.assign(N, nullptr);
  Widened.assign(N, false);
  DroppedKeys.assign(N, {});
  for (const CFGBlock *B : Cfg)
    ById[B->getBlockID()] = B;
  std::vector<const CFGBlock *> Post;
  {
    std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>> Stack;
    std::vector<bool> Seen(N);
    const CFGBlock *Entry = &Cfg.getEntry();
    Stack.push_back({Entry, Entry->succ_begin()});
    Seen[Entry->getBlockID()] = true;
    while (!Stack.empty()) {
      auto &[B, It] = Stack.back();
      if (It == B->succ_end()) {
        Post.push_back(B);
        Stack.pop_back();
        continue;
      }
      const CFGBlock *S = successor(B, *It);
      ++It;
      if (S && !Seen[S->getBlockID()]) {
        Seen[S->getBlockID()] = true;
        Stack.push_back({S, S->succ_begin()});
      }
    }
    unsigned Idx = 0;
    for (auto It = Post.rbegin(); It != Post.rend(); ++It)
      Order[(*It)->getBlockID()] = Idx++;
    // Blocks clang leaves without predecessors (handlers) come last.
    for (const CFGBlock *B : Cfg)
      if (Order[B->getBlockID()] == ~0u)
        Order[B->getBlockID()] = Idx++;
    Pending.resize(Idx);
    BlockAtOrder.assign(Idx, 0);
    for (unsigned Id = 0; Id < N; ++Id)
      if (Order[Id] != ~0u)
        BlockAtOrder[Order[Id]] = Id;
  }
  for (const CFGBlock *B : Cfg)
    if (const Stmt *T = B->getTerminatorStmt(); T && isa<CXXTryStmt, SEHTryStmt>(T))
      DispatchOf[T] = B;
  // Which facts are still read where: computed once per function (its graph is built
  // the same way for every calling context), when the first point overflows the bound.
  Live = A.Info[FD].Liveness.get();

  State Init;
  Init.Facts = EntryFacts;
  join(&Cfg.getEntry(), std::move(Init));

  const CFGBlock *ExitBlock = &Cfg.getExit();
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  SourceLocation EndLoc = Body ? Body->getRBracLoc() : FD->getEndLoc();

  for (int Next = Pending.find_first(); Next != -1; Next = Pending.find_first()) {
    Pending.reset(Next);
    unsigned Id = BlockAtOrder[Next];
    const CFGBlock *B = ById[Id];
    if (!B)
      continue;
    // The budget counts work (states through elements, comparisons at joins), not
    // visits: a visit with many states costs many times one with a single state.
    if (Work > A.Config.AnalysisBudget) {
      Out.Report.NotAnalysed = "the analysis ran out of its work budget (AnalysisBudget: " +
                               std::to_string(A.Config.AnalysisBudget) +
                               " state operations)";
      Out.Unknown = true;
      return;
    }
    std::vector<State> &States = BlockStates;
    States.assign(In[Id].begin(), In[Id].end());
    Work += States.size();
    for (const CFGElement &E : *B) {
      Work += States.size();
      transferElement(E, States);
      if (States.empty())
        break;
      // clang ends a throw's block with an edge to the exit or the try dispatch, without
      // the destructors: leave through raise() instead.
      if (auto CS = E.getAs<CFGStmt>(); CS && isa<CXXThrowExpr>(CS->getStmt())) {
        for (State &St : States) // throwing on a tested failure acts on it
          if (St.FailedBegin && St.FailureKnown)
            St.FailureActedOn = true;
        raise(CS->getStmt(), std::move(States));
        States.clear();
        break;
      }
    }
    if (States.empty())
      continue;

    const Stmt *Term = B->getTerminatorStmt();
    // Exits: where does this block leave the function from?
    auto exitLoc = [&](ExitKind &K) {
      for (auto It = B->rbegin(); It != B->rend(); ++It)
        if (auto CS = It->getAs<CFGStmt>())
          if (isa<ReturnStmt>(CS->getStmt())) {
            K = ExitKind::Return;
            return CS->getStmt()->getBeginLoc();
          }
      // The end of a handler of a constructor's or destructor's function-try-block
      // rethrows: the function leaves by an exception there.
      if (const CXXCatchStmt *Handler = functionTryHandlerOf(B)) {
        K = ExitKind::Throw;
        return Handler->getHandlerBlock()->getEndLoc();
      }
      K = ExitKind::FallOff;
      return EndLoc;
    };

    const Stmt *Cond = B->getTerminatorCondition(false);
    bool Binary = B->succ_size() == 2 && Cond && Term &&
                  !isa<SwitchStmt, CXXTryStmt, SEHTryStmt>(Term);
    bool ExprTerm = Term && isa<Expr>(Term);
    // What a two-way branch's condition is does not depend on the state: decide it once
    // per block, not for every state on every edge.
    const auto *CondE = Binary ? cast<Expr>(Cond) : nullptr;
    // Which way an operator went matters only if its operands can say anything.
    bool RecordChoice = Binary && isa<BinaryOperator, AbstractConditionalOperator>(Term) &&
                        conditionMatters(cast<Expr>(Term));
    std::optional<int64_t> Constant = Binary ? constant(CondE) : std::nullopt;
    // An assertion is no test of a result: release builds compile it away, and a debug
    // build's failure handler is no error path. Its branches teach nothing.
    bool InAssertion = Term && inAssertion(Term->getBeginLoc());
    bool Refines = Binary && !Constant && !InAssertion && conditionMatters(CondE);
    // Loops and conditions on the witness path; the `&&`/`||` operands as well.
    // A constant condition (`while (0)` in a macro) is no decision.
    // A `?:`, `&&` or `||` inside a system header's macro (HRESULT_FROM_WIN32) is
    // not the user's decision.
    bool IsDecision = Binary && !Constant && !InAssertion &&
                      !(ExprTerm && A.SM.isInSystemMacro(Term->getBeginLoc()));
    unsigned SuccIdx = 0;
    for (auto SI = B->succ_begin(); SI != B->succ_end(); ++SI, ++SuccIdx) {
      const CFGBlock *S = successor(B, *SI);
      if (!S)
        continue;
      // The last edge takes the block's states themselves: nothing reads them after it.
      bool LastEdge = std::next(SI) == B->succ_end();
      for (State &St : States) {
        State Next = LastEdge ? std::move(St) : St;
        const Stmt *NoteAt = nullptr;
        Trace::Kind K = Trace::True;
        if (Binary) {
          bool Taken = SuccIdx == 0;
          if (RecordChoice)
            Next.setTemp(choiceKey(Term), AbsVal::exact(Taken ? 1 : 0));
          if (Constant) {
            if ((*Constant != 0) != Taken)
              continue;
          } else if (Refines && !assume(Next, CondE, Taken)) {
            continue;
          }
          if (IsDecision)
            NoteAt = CondE;
          K = Taken ? Trace::True : Trace::False;
        } else if (const auto *Sw = dyn_cast_or_null<SwitchStmt>(Term)) {
          const Expr *SwCond = Sw->getCond();
          const Stmt *Label = S->getLabel();
          if (const auto *Case = dyn_cast_or_null<CaseStmt>(Label)) {
            auto V = constant(Case->getLHS());
            if (V && !Case->getRHS() && !learn(Next, SwCond, BO_EQ, *V, true))
              continue;
            NoteAt = Case;
            K = Trace::Case;
          } else {
            // default, or no case matched: none of the case values.
            bool Feasible = true;
            for (const SwitchCase *C = Sw->getSwitchCaseList(); C; C = C->getNextSwitchCase())
              if (const auto *Case = dyn_cast<CaseStmt>(C))
                if (auto V = constant(Case->getLHS()); V && !Case->getRHS())
                  Feasible = Feasible && learn(Next, SwCond, BO_EQ, *V, false);
            if (!Feasible)
              continue;
            NoteAt = Label ? Label : static_cast<const Stmt *>(Sw);
            K = Trace::Default;
          }
        }
        if (Term && !ExprTerm) {
          Next.Temps.clear();
          Next.TempRoot = nullptr;
        }
        // Jumping away after a tested failure (goto cleanup, break) acts on it.
        if (Term && isa<GotoStmt, IndirectGotoStmt, BreakStmt, ContinueStmt>(Term) &&
            Next.FailedBegin && Next.FailureKnown)
          Next.FailureActedOn = true;
        // No handler took the exception: like exceptions from calls outside a try, it
        // is not followed out of the function (only explicit throws are).
        if (S == ExitBlock && Term && isa<CXXTryStmt, SEHTryStmt>(Term))
          continue;
        if (S == ExitBlock) {
          ExitKind EK;
          SourceLocation Loc = exitLoc(EK);
          if (NoteAt)
            Next.Witness = extend(Next.Witness, NoteAt, K);
          exitWith(Next, Loc, EK);
          continue;
        }
        propagate(S, std::move(Next), NoteAt, K);
      }
    }
  }
  finish();
}

// A summary is bounded like a program point: beyond the bound, the most varied fact is
// forgotten first (a dispatcher's `req->op == N` for each of its cases), never an exit.
static void boundOutcomes(std::vector<Outcome> &Outcomes, unsigned Bound) {
  while (Outcomes.size() > Bound) {
    std::optional<KeyId> Varied = mostVariedKey(Outcomes);
    if (!Varied)
      return;
    KeyId Drop = *Varied;
    std::vector<Outcome> Kept;
    for (Outcome &O : Outcomes) {
      llvm::erase_if(O.Facts, [&](const auto &F) { return F.first == Drop; });
      if (llvm::find(Kept, O) == Kept.end())
        Kept.push_back(std::move(O));
    }
    Outcomes = std::move(Kept);
  }
}

// Whether the function's callers cannot learn that its begin failed: it returns nothing
// or always the same constant, has no out-parameter, and records nothing in its object.
bool FunctionRun::cannotTellFailure() const {
  if (isa<CXXConstructorDecl>(FD))
    return false; // a guard records the outcome in its members
  // An out-parameter could carry the failure; a handle (void *, DECLARE_HANDLE's struct)
  // cannot.
  auto isHandle = [](QualType T) {
    if (!T->isPointerType())
      return false;
    QualType Pointee = T->getPointeeType();
    if (Pointee->isVoidType())
      return true;
    const RecordDecl *RD = Pointee->getAsRecordDecl();
    return RD && !RD->field_empty() && std::next(RD->field_begin()) == RD->field_end() &&
           RD->field_begin()->getName() == "unused";
  };
  for (const ParmVarDecl *P : FD->parameters())
    if (writesThrough(P->getType()) && !isHandle(P->getType()))
      return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && !MD->isStatic()) {
    llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
        if (isa<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
          return false;
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  if (FD->getReturnType()->isVoidType())
    return true;
  std::optional<int64_t> Same;
  for (const Outcome &O : Out.Outcomes) {
    if (!O.Ret.isExact())
      return false;
    if (Same && *Same != O.Ret.exactValue())
      return false;
    Same = O.Ret.exactValue();
  }
  return Same.has_value();
}

// Whether a decision on the path reads something the impersonation does not set: a
// global (a configuration, a process mode) or the result of a query, and no parameter
// or member (the caller's own "impersonating" flag).
bool FunctionRun::decidedOutside(const Trace *T) const {
  for (; T; T = T->Prev) {
    if (T->K != Trace::True && T->K != Trace::False)
      continue;
    bool Outside = false, Own = false;
    llvm::SmallVector<const Stmt *, 8> Work{T->At};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (isa<CallExpr>(S))
        Outside = true;
      if (isa<CXXThisExpr>(S))
        Own = true;
      if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
        if (isa<ParmVarDecl>(DR->getDecl()))
          Own = true;
        else if (const auto *VD = dyn_cast<VarDecl>(DR->getDecl()); VD && VD->hasGlobalStorage())
          Outside = true;
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
    if (Outside && !Own)
      return true;
  }
  return false;
}

void FunctionRun::finish() {
  // It reverts on some path and skips the revert on another: every caller leaks there.
  if (SkipExit.isValid() &&
      llvm::any_of(Out.Outcomes, [](const Outcome &O) { return O.Id.W == Who::Service; }))
    Out.Report.SkipsRevert = FunctionReport::SkippedRevert{SkipExit, SkipWitness};
  boundOutcomes(Out.Outcomes, A.Config.MaxStatesPerPoint);
  boundOutcomes(Out.Throws, A.Config.MaxStatesPerPoint);
  bool HasEnd = A.Info[FD].ContainsEnd;
  // A begin-wrapper: nothing but neutral calls while its own impersonation is in force,
  // and no end anywhere in it. Its callers are checked instead.
  bool Wrapper = (!Leaks.empty() || !KeptAtExit.empty()) && !HasEnd;
  for (const Stmt *Site : LeakOrder)
    Wrapper = Wrapper && !ActedSites.count(Site);
  for (const Stmt *Site : KeptAtExit)
    Wrapper = Wrapper && !ActedSites.count(Site);
  Out.BeginWrapper = Wrapper;
  // A wrapper's or transfer's failure is its callers' to handle (or, if it cannot tell
  // them, reported below as swallowed).
  if (!Wrapper && !Out.Transfers)
    confirmFailedWork();
  Out.Report.IsBeginWrapper = Wrapper;
  Out.Report.IsThreadStartRoutine = A.ThreadStarts.count(FD->getCanonicalDecl()) > 0;
  if (Wrapper)
    Out.Report.DebugNotes.push_back(
        {FD->getLocation(), "'" + FD->getNameAsString() +
                                "' is a begin-wrapper: its callers are checked for the revert"});
  // A wrapper that cannot tell its callers about a failure swallows it: reported here,
  // at its begin; its callers, often in other files, cannot check what they are never told.
  if (Wrapper && SwallowedBegin && cannotTellFailure()) {
    Out.Swallows = true;
    if (!A.UncheckedFound.count(SwallowedBegin)) {
      recordUnchecked(SwallowedBegin, nullptr, "",
                      witnessNotes(SwallowedWitness, SwallowedBegin, Trace::Failure));
      UncheckedBegin &U = A.UncheckedFound[SwallowedBegin];
      U.SwallowedBy = FD;
      U.SwallowedAt = SwallowedAt;
    }
  }
  for (const Stmt *Site : LeakOrder) {
    Leak L = Leaks[Site].L;
    L.BeginName = beginSiteName(Site);
    L.ViaWrapper = !A.api(cast<Expr>(Site));
    llvm::sort(L.Exits, [&](const LeakExit &X, const LeakExit &Y) {
      return A.SM.isBeforeInTranslationUnit(X.Loc, Y.Loc);
    });
    Out.Report.Leaks.push_back(std::move(L));
  }
}

} // namespace clang::tidy::impersonation::detail
