// Facts kept by need: the relevant reads of tracked expressions, a backward liveness over
// the CFG, and the relevance of branch conditions, iterated together until they settle.
#include "engine/FactLiveness.h"

#include "engine/AnalysisImpl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtObjC.h"

namespace clang::tidy::impersonation::detail {

using Impl = TranslationUnitAnalysis::Impl;

bool FactLiveness::isLocalKey(KeyId K) const {
  const PathKey &P = Keys->key(K);
  const auto *VD = dyn_cast_or_null<VarDecl>(P.Root);
  if (!VD || !VD->hasLocalStorage())
    return false; // `this`, globals, static locals: the callers can see them
  if (const auto *PV = dyn_cast<ParmVarDecl>(VD))
    // What a parameter points to, or a reference parameter, is the caller's.
    return P.Steps.empty() && !PV->getType()->isReferenceType();
  return true;
}

bool FactLiveness::isParameterPointee(KeyId K) const {
  const PathKey &P = Keys->key(K);
  const auto *PV = dyn_cast_or_null<ParmVarDecl>(P.Root);
  return PV && (!P.Steps.empty() || PV->getType()->isReferenceType());
}

bool FactLiveness::exitsObserved(const FunctionDecl *FD) {
  if (isa<CXXMethodDecl>(FD))
    return true;
  const FunctionDecl *Canon = FD->getCanonicalDecl();
  return llvm::any_of(Canon->redecls(), [](const FunctionDecl *D) { return D->isReferenced(); });
}

unsigned FactLiveness::distance(unsigned BlockId, KeyId K) const {
  auto It = Local.find(K);
  unsigned From = BlockId < Order.size() ? Order[BlockId] : 0;
  if (It == Local.end())
    return 2 * NumOrdered;
  const std::vector<unsigned> &Uses = UseOrder[It->second];
  auto Next = llvm::lower_bound(Uses, From);
  if (Next != Uses.end())
    return *Next - From;
  if (!Uses.empty()) // read again only around a loop
    return NumOrdered - From + Uses.front();
  return 2 * NumOrdered; // read only by the callers, at an exit
}

class LivenessBuilder {
public:
  LivenessBuilder(Impl &A, const FunctionDecl *FD, const CFG &Cfg, FactLiveness &Out)
      : A(A), FD(FD), Cfg(Cfg), Out(Out), FI(A.Info[FD]) {}

  void build() {
    findRelevance(FD->getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *I : Ctor->inits())
        if (I->getInit())
          findRelevance(I->getInit());
    // What each element reads, kills and needs, read once from the graph; the passes
    // below only move bits. What names a whole object (its fields included) is resolved
    // once every key is known.
    Blocks.assign(Cfg.getNumBlockIDs(), {});
    for (const CFGBlock *B : Cfg)
      describe(*B, Blocks[B->getBlockID()]);
    resolveObjects();
    unsigned NumBits = Out.Local.size();
    Out.LiveIn.assign(Cfg.getNumBlockIDs(), llvm::BitVector(NumBits));
    llvm::BitVector Extra(NumBits);
    for (unsigned Round = 0; Round < 8; ++Round) {
      liveness(Extra, /*RecordUses=*/false);
      bool Changed = false;
      // A condition that decides a needed assignment is relevant too.
      for (const auto &[Assign, Guards] : AssignGuards)
        if (AssignLive.lookup(Assign))
          for (const Stmt *G : Guards)
            Changed |= Out.RelevantTerms.insert(G).second;
      // Handlers are entered by edges the engine adds (calls that raise): what they read
      // is needed wherever an exception may come from.
      llvm::BitVector Handlers(NumBits);
      for (const CFGBlock *B : Cfg)
        if (B != &Cfg.getEntry() && B->pred_empty())
          Handlers |= Out.LiveIn[B->getBlockID()];
      if (Handlers != Extra) {
        Extra |= Handlers;
        Changed = true;
      }
      if (!Changed)
        break;
    }
    liveness(Extra, /*RecordUses=*/true);
    // What decides a begin or an end (or a flag of theirs, through the assignments it
    // guards) is the last thing to forget.
    Out.GuardsIdentity.resize(Out.Local.size());
    for (const CFGBlock *B : Cfg) {
      const BlockSteps &BS = Blocks[B->getBlockID()];
      if (BS.Term && IdentityTerms.count(BS.Term))
        for (unsigned Bit : BS.TermUses)
          Out.GuardsIdentity.set(Bit);
    }
    for (auto &Uses : Out.UseOrder) {
      llvm::sort(Uses);
      Uses.erase(std::unique(Uses.begin(), Uses.end()), Uses.end());
    }
  }

private:
  using Bits = llvm::SmallVector<unsigned, 4>;
  /// One element's effect on liveness, walked backwards.
  struct Step {
    const Stmt *S = nullptr; // the assignment whose need is recorded, or null
    Bits Kill;               // keys a plain assignment overwrites
    Bits Needs;              // keys whose liveness after it makes it needed
    Bits Uses;               // keys it reads
    bool Conditional = false; // Uses only when needed
  };
  struct BlockSteps {
    llvm::SmallVector<Step, 4> Steps; // in element order
    const Stmt *Term = nullptr;
    Bits TermUses;
  };

  Impl &A;
  const FunctionDecl *FD;
  const CFG &Cfg;
  FactLiveness &Out;
  Impl::FunctionInfo &FI;
  std::vector<BlockSteps> Blocks;
  llvm::SmallVector<const Stmt *, 16> GuardStack;
  llvm::SmallPtrSet<const Stmt *, 16> IdentityTerms; // conditions around a begin or an end
  std::vector<std::pair<const Stmt *, llvm::SmallVector<const Stmt *, 4>>> AssignGuards;
  llvm::DenseMap<const Stmt *, bool> AssignLive;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<std::pair<KeyId, unsigned>, 2>> ByRoot;
  llvm::DenseMap<const Expr *, bool> FollowedCache;

  bool tracked(const PathKey &K) const {
    return FI.tracks(K) || A.TrackedGlobals.count(K.Root);
  }
  /// The bit of a tracked key, registered on first sight.
  std::optional<unsigned> bit(const PathKey &K) {
    if (!tracked(K))
      return std::nullopt;
    KeyId Id = A.Keys.intern(K);
    auto [It, New] = Out.Local.try_emplace(Id, Out.Local.size());
    if (New) {
      ByRoot[K.Root].push_back({Id, It->second});
      Out.UseOrder.emplace_back();
      Out.CallerVisible.resize(Out.Local.size());
      // What a parameter points to matters at the exits only to callers that read the
      // outcomes; `this` and globals also to the callees and threads that follow.
      if (!Out.isLocalKey(Id) && (Out.ExitsObserved || !Out.isParameterPointee(Id)))
        Out.CallerVisible.set(It->second);
    }
    return It->second;
  }

  /// Calls the engine follows or models: their arguments are read.
  bool followed(const Expr *Call) {
    auto [It, New] = FollowedCache.try_emplace(Call, false);
    if (!New)
      return It->second;
    bool F = false;
    if (const auto *C = dyn_cast<CallExpr>(Call); C && A.Apis.lookup(C))
      F = A.Apis.lookup(C)->Role != ApiRole::Neutral;
    else if (const FunctionDecl *Callee = A.calleeOf(Call); Callee && A.Apis.isNeutral(Callee))
      F = false;
    else
      F = A.relevantCallee(Call) != nullptr;
    return FollowedCache[Call] = F;
  }
  /// A statement that makes the conditions around it matter.
  bool isEvent(const Stmt *S) {
    if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, BreakStmt, ContinueStmt, CXXThrowExpr,
            SEHLeaveStmt>(S))
      return true;
    if (isa<CallExpr, CXXConstructExpr>(S)) {
      const auto *E = cast<Expr>(S);
      if (followed(E) || A.Apis.operation(E))
        return true;
      const FunctionDecl *Callee = A.calleeOf(E);
      if (Callee && Callee->isNoReturn())
        return true;
      // Its value depends on a begin's failure.
      return modelledCall(Callee) == ModelledCall::GetLastError;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const auto *RD = VD->getType()->getAsCXXRecordDecl();
              RD && !A.destructorsOf(RD).empty())
            return true;
    return false;
  }
  static bool isAssignment(const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->isAssignmentOp();
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      return UO->isIncrementDecrementOp();
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      return llvm::any_of(DS->decls(), [](const Decl *D) {
        const auto *VD = dyn_cast<VarDecl>(D);
        return VD && VD->getInit();
      });
    return false;
  }

  // Relevance from the syntax, in one walk: whether a subtree holds an event, whether it
  // holds a begin, an end or a call that may do either (the identity itself), and the
  // conditions around each assignment.
  struct Holds {
    bool Event = false, Identity = false;
    Holds &operator|=(Holds O) {
      Event |= O.Event;
      Identity |= O.Identity;
      return *this;
    }
  };
  bool isIdentityEvent(const Stmt *S) {
    return isa<CallExpr, CXXConstructExpr>(S) && followed(cast<Expr>(S));
  }
  Holds guarded(const Stmt *Term, const Stmt *Cond, std::initializer_list<const Stmt *> Bodies) {
    Holds H = findRelevance(Cond);
    GuardStack.push_back(Term);
    for (const Stmt *B : Bodies)
      H |= findRelevance(B);
    GuardStack.pop_back();
    if (H.Event)
      Out.RelevantTerms.insert(Term);
    if (H.Identity)
      IdentityTerms.insert(Term);
    return H;
  }
  Holds findRelevance(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return {};
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      Holds H = findRelevance(If->getInit());
      H |= findRelevance(If->getConditionVariableDeclStmt());
      return H |= guarded(If, If->getCond(), {If->getThen(), If->getElse()});
    }
    if (const auto *W = dyn_cast<WhileStmt>(S))
      return guarded(W, W->getCond(), {W->getBody()});
    if (const auto *D = dyn_cast<DoStmt>(S))
      return guarded(D, D->getCond(), {D->getBody()});
    if (const auto *F = dyn_cast<ForStmt>(S)) {
      Holds H = findRelevance(F->getInit());
      return H |= guarded(F, F->getCond(), {F->getBody(), F->getInc()});
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      Holds H = findRelevance(Sw->getInit());
      return H |= guarded(Sw, Sw->getCond(), {Sw->getBody()});
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S))
      return guarded(CO, CO->getCond(), {CO->getTrueExpr(), CO->getFalseExpr()});
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isLogicalOp())
      return guarded(BO, BO->getLHS(), {BO->getRHS()});
    Holds H;
    H.Event = isEvent(S);
    H.Identity = isIdentityEvent(S);
    if (!GuardStack.empty() && isAssignment(S))
      AssignGuards.push_back({S, {GuardStack.begin(), GuardStack.end()}});
    for (const Stmt *C : S->children())
      H |= findRelevance(C);
    return H;
  }

  // Where an object's bits go once every key is known: a step's Uses (or the block's
  // condition's, Step == -1), or its Needs and Kill.
  struct ObjectQuery {
    PathKey Object;
    unsigned Block;
    int Step;
    bool Assigned; // Needs (and Kill, for a plain assignment to a whole local)
    bool Kills;
  };
  std::vector<ObjectQuery> Queries;
  unsigned CurBlock = 0;
  int CurStep = -1;

  // Reads, as bits: the key and, once all keys are known, every key below it.
  void prefixBits(const PathKey &P, Bits &Out) {
    if (auto B = bit(P))
      Out.push_back(*B);
    Queries.push_back({P, CurBlock, CurStep, false, false});
  }
  Bits &target(const ObjectQuery &Q, bool Kill) {
    BlockSteps &BS = Blocks[Q.Block];
    if (Q.Step < 0)
      return BS.TermUses;
    Step &St = BS.Steps[Q.Step];
    return !Q.Assigned ? St.Uses : Kill ? St.Kill : St.Needs;
  }
  void resolveObjects() {
    for (const ObjectQuery &Q : Queries) {
      auto It = ByRoot.find(Q.Object.Root);
      if (It == ByRoot.end())
        continue;
      bool Whole = Q.Object.Steps.empty();
      for (const auto &[Id, Bit] : It->second) {
        PathKey P = A.Keys.key(Id);
        if (Q.Assigned)
          P.Mask = 0;
        else if (P.Mask == Q.Object.Mask && P.Steps == Q.Object.Steps)
          continue; // added when the read was met
        if (!P.hasPrefix(Q.Object))
          continue;
        target(Q, false).push_back(Bit);
        if (Q.Assigned && Q.Kills && Whole && Out.isLocalKey(Id))
          target(Q, true).push_back(Bit);
      }
    }
    Queries.clear();
  }
  /// What evaluating \p E can read: tracked expressions, and what followed calls inside it
  /// are handed. Not what opaque calls are given: their results are unknown anyway.
  void reads(const Expr *E, Bits &Out) {
    if (!E)
      return;
    llvm::SmallVector<const Stmt *, 16> Work{E};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (isa<DeclRefExpr, MemberExpr, UnaryOperator, BinaryOperator, CastExpr, ParenExpr>(S))
        if (auto K = A.keyOf(cast<Expr>(S))) {
          if (auto B = bit(*K))
            Out.push_back(*B);
          continue;
        }
      if (isa<CallExpr, CXXConstructExpr>(S)) {
        if (followed(cast<Expr>(S)))
          arguments(cast<Expr>(S), Out);
        continue;
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  void arguments(const Expr *Call, Bits &Out) {
    forEachOperand(Call, [&](const Expr *Arg) {
      if (auto K = A.keyOfOperand(Arg))
        prefixBits(*K, Out);
      else
        reads(Arg, Out);
    });
  }
  /// The keys of the object \p K names (its masked bits and fields included); in \p Kill
  /// those a plain assignment to a whole local overwrites.
  void objectBits(std::optional<PathKey> K, bool Kills) {
    if (!K)
      return;
    K->Mask = 0;
    bit(*K);
    Queries.push_back({*K, CurBlock, CurStep, true, Kills});
  }

  void describe(const CFGBlock &B, BlockSteps &Out) {
    CurBlock = B.getBlockID();
    for (const CFGElement &E : B) {
      Step St;
      CurStep = Out.Steps.size();
      size_t QueriesBefore = Queries.size();
      if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
        const VarDecl *VD = D->getVarDecl();
        const auto *RD = VD->getType()->getAsCXXRecordDecl();
        if (RD && !A.destructorsOf(RD).empty()) {
          PathKey K;
          K.Root = VD;
          prefixBits(K, St.Uses);
        }
      } else if (auto I = E.getAs<CFGInitializer>()) {
        reads(I->getInitializer()->getInit(), St.Uses);
      } else if (auto CS = E.getAs<CFGStmt>()) {
        const Stmt *S = CS->getStmt();
        if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp()) {
          St.S = BO;
          objectBits(A.keyOf(BO->getLHS()), !BO->isCompoundAssignmentOp());
          reads(BO->getRHS(), St.Uses);
          St.Conditional = true;
        } else if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->isIncrementDecrementOp()) {
          St.S = UO;
          objectBits(A.keyOf(UO->getSubExpr()), false);
        } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
          St.S = DS;
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
              PathKey K;
              K.Root = VD;
              objectBits(K, true);
              if (!isa<CXXConstructExpr>(VD->getInit()->IgnoreImplicit()))
                reads(VD->getInit(), St.Uses);
            }
          St.Conditional = true;
        } else if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
          reads(RS->getRetValue(), St.Uses);
        } else if (isa<CallExpr, CXXConstructExpr>(S) && followed(cast<Expr>(S))) {
          arguments(cast<Expr>(S), St.Uses);
        }
      }
      if (St.S || !St.Uses.empty() || Queries.size() > QueriesBefore)
        Out.Steps.push_back(std::move(St));
    }
    CurStep = -1;
    Out.Term = B.getTerminatorStmt();
    if (const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition(false)))
      reads(Cond, Out.TermUses);
  }

  void liveness(const llvm::BitVector &Extra, bool Record) {
    unsigned N = Cfg.getNumBlockIDs(), NumBits = Out.Local.size();
    for (llvm::BitVector &V : Out.LiveIn)
      V.reset();
    std::vector<const CFGBlock *> ById(N, nullptr);
    for (const CFGBlock *B : Cfg)
      ById[B->getBlockID()] = B;
    // Backward: visit in post-order (reverse of the forward order) until nothing changes.
    std::vector<unsigned> Order;
    for (unsigned Id = 0; Id < N; ++Id)
      if (ById[Id])
        Order.push_back(Id);
    llvm::sort(Order, [&](unsigned X, unsigned Y) { return Out.Order[X] > Out.Order[Y]; });
    llvm::BitVector Pending(N, true), Live(NumBits);
    auto use = [&](const Bits &Uses, unsigned Id) {
      for (unsigned Bit : Uses) {
        Live.set(Bit);
        if (Record)
          Out.UseOrder[Bit].push_back(Out.Order[Id]);
      }
    };
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (unsigned Id : Order) {
        if (!Pending.test(Id))
          continue;
        Pending.reset(Id);
        const CFGBlock *B = ById[Id];
        const BlockSteps &BS = Blocks[Id];
        Live = Extra;
        for (const CFGBlock::AdjacentBlock &S : B->succs())
          if (const CFGBlock *T = S.getReachableBlock() ? S.getReachableBlock()
                                                        : S.getPossiblyUnreachableBlock())
            Live |= Out.LiveIn[T->getBlockID()];
        if (BS.Term && Out.RelevantTerms.count(BS.Term))
          use(BS.TermUses, Id);
        for (auto It = BS.Steps.rbegin(); It != BS.Steps.rend(); ++It) {
          bool Needed = llvm::any_of(It->Needs, [&](unsigned Bit) { return Live.test(Bit); });
          if (It->S && Needed)
            AssignLive[It->S] = true;
          for (unsigned Bit : It->Kill)
            Live.reset(Bit);
          if (!It->Conditional || Needed)
            use(It->Uses, Id);
        }
        // A call inside the block may raise: what a handler reads is needed on entry too.
        Live |= Extra;
        if (Live != Out.LiveIn[Id]) {
          Out.LiveIn[Id] = Live;
          Changed = true;
          for (const CFGBlock *P : B->preds())
            if (P)
              Pending.set(P->getBlockID());
        }
      }
    }
  }
};

std::unique_ptr<FactLiveness> FactLiveness::compute(Impl &A, const FunctionDecl *FD,
                                                    const CFG &Cfg,
                                                    const std::vector<unsigned> &Order) {
  auto Out = std::make_unique<FactLiveness>();
  Out->Keys = &A.Keys;
  Out->Order = Order;
  Out->ExitsObserved = exitsObserved(FD);
  for (unsigned O : Order)
    if (O != ~0u)
      Out->NumOrdered = std::max(Out->NumOrdered, O + 1);
  Out->LiveIn.assign(Cfg.getNumBlockIDs(), llvm::BitVector());
  LivenessBuilder(A, FD, Cfg, *Out).build();
  return Out;
}

} // namespace clang::tidy::impersonation::detail
