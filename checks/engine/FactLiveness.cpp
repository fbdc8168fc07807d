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
    registerKeys(FD->getBody());
    findRelevance(FD->getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *I : Ctor->inits())
        if (I->getInit())
          findRelevance(I->getInit());
    unsigned N = Cfg.getNumBlockIDs();
    Out.LiveIn.assign(N, llvm::BitVector(Out.Local.size()));
    Started = true;
    llvm::BitVector Extra(Out.Local.size());
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
      llvm::BitVector Handlers(Out.Local.size());
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
    for (auto &Uses : Out.UseOrder) {
      llvm::sort(Uses);
      Uses.erase(std::unique(Uses.begin(), Uses.end()), Uses.end());
    }
  }

private:
  Impl &A;
  const FunctionDecl *FD;
  const CFG &Cfg;
  FactLiveness &Out;
  Impl::FunctionInfo &FI;
  llvm::SmallVector<const Stmt *, 16> GuardStack;
  std::vector<std::pair<const Stmt *, llvm::SmallVector<const Stmt *, 4>>> AssignGuards;
  llvm::DenseMap<const Stmt *, bool> AssignLive;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<std::pair<KeyId, unsigned>, 2>> ByRoot;
  bool Started = false;

  /// Every tracked expression of the body gets its bit before the first pass.
  void registerKeys(const Stmt *Body) {
    llvm::SmallVector<const Stmt *, 32> Work{Body};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *E = dyn_cast<Expr>(S))
        if (auto K = A.keyOf(E))
          bit(*K);
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }

  bool tracked(const PathKey &K) const {
    return !K.Root || FI.Roots.count(K.Root) || A.TrackedGlobals.count(K.Root);
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
      if (!Out.isLocalKey(Id))
        Out.CallerVisible.set(It->second);
      if (Started)
        for (llvm::BitVector &V : Out.LiveIn)
          V.resize(Out.Local.size());
    }
    return It->second;
  }

  /// Calls the engine follows or models: their arguments are read.
  bool followed(const Expr *Call) {
    if (const auto *C = dyn_cast<CallExpr>(Call))
      if (const ApiEntry *Api = A.Apis.lookup(C))
        return Api->Role != ApiRole::Neutral;
    if (const FunctionDecl *Callee = A.calleeOf(Call); Callee && A.Apis.isNeutral(Callee))
      return false;
    return A.relevantCallee(Call) != nullptr;
  }
  /// A statement that makes the conditions around it matter.
  bool isEvent(const Stmt *S) {
    if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, BreakStmt, ContinueStmt, CXXThrowExpr,
            SEHLeaveStmt>(S))
      return true;
    if (const auto *E = dyn_cast<Expr>(S); E && isa<CallExpr, CXXConstructExpr>(E)) {
      if (followed(E) || A.Apis.operation(E))
        return true;
      if (const FunctionDecl *Callee = A.calleeOf(E); Callee && Callee->isNoReturn())
        return true;
      if (const auto *C = dyn_cast<CallExpr>(E))
        if (const FunctionDecl *F = C->getDirectCallee(); F && F->getIdentifier() &&
                                                        F->getName() == "GetLastError")
          return true; // its value depends on a begin's failure
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const auto *RD = VD->getType()->getAsCXXRecordDecl(); RD && RD->hasDefinition())
            if (const CXXDestructorDecl *Dtor = RD->getDestructor())
              if (const FunctionDecl *Def = A.definitionOf(Dtor); Def && A.isRelevant(Def))
                return true;
    return false;
  }
  bool isAssignment(const Stmt *S) {
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

  // Relevance from the syntax: the conditions around each event and assignment.
  void guarded(const Stmt *Term, const Stmt *Cond, std::initializer_list<const Stmt *> Bodies) {
    findRelevance(Cond);
    if (containsEvent(Cond))
      Out.RelevantTerms.insert(Term);
    GuardStack.push_back(Term);
    for (const Stmt *B : Bodies)
      findRelevance(B);
    GuardStack.pop_back();
  }
  bool containsEvent(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return false;
    if (isEvent(S))
      return true;
    for (const Stmt *C : S->children())
      if (containsEvent(C))
        return true;
    return false;
  }
  void findRelevance(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      findRelevance(If->getInit());
      findRelevance(If->getConditionVariableDeclStmt());
      return guarded(If, If->getCond(), {If->getThen(), If->getElse()});
    }
    if (const auto *W = dyn_cast<WhileStmt>(S))
      return guarded(W, W->getCond(), {W->getBody()});
    if (const auto *D = dyn_cast<DoStmt>(S))
      return guarded(D, D->getCond(), {D->getBody()});
    if (const auto *F = dyn_cast<ForStmt>(S)) {
      findRelevance(F->getInit());
      return guarded(F, F->getCond(), {F->getBody(), F->getInc()});
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      findRelevance(Sw->getInit());
      return guarded(Sw, Sw->getCond(), {Sw->getBody()});
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S))
      return guarded(CO, CO->getCond(), {CO->getTrueExpr(), CO->getFalseExpr()});
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isLogicalOp())
      return guarded(BO, BO->getLHS(), {BO->getRHS()});
    if (isEvent(S))
      Out.RelevantTerms.insert(GuardStack.begin(), GuardStack.end());
    if (isAssignment(S) && !GuardStack.empty())
      AssignGuards.push_back({S, {GuardStack.begin(), GuardStack.end()}});
    for (const Stmt *C : S->children())
      findRelevance(C);
  }

  // Reads.
  void usePrefix(const PathKey &P, llvm::BitVector &Live, unsigned Block, bool Record) {
    // The key itself, then every registered key below it.
    if (auto B = bit(P))
      use(*B, Live, Block, Record);
    auto It = ByRoot.find(P.Root);
    if (It == ByRoot.end())
      return;
    for (const auto &[Id, Bit] : It->second)
      if (A.Keys.key(Id).hasPrefix(P))
        use(Bit, Live, Block, Record);
  }
  void use(unsigned Bit, llvm::BitVector &Live, unsigned Block, bool Record) {
    if (Bit >= Live.size())
      Live.resize(Out.Local.size());
    Live.set(Bit);
    if (Record)
      Out.UseOrder[Bit].push_back(Out.Order[Block]);
  }
  /// What evaluating \p E can read: tracked expressions, and what followed calls inside it
  /// are handed. Not what opaque calls are given: their results are unknown anyway.
  void reads(const Expr *E, llvm::BitVector &Live, unsigned Block, bool Record) {
    if (!E)
      return;
    llvm::SmallVector<const Stmt *, 16> Work{E};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *X = dyn_cast<Expr>(S)) {
        if (auto K = A.keyOf(X)) {
          if (auto B = bit(*K))
            use(*B, Live, Block, Record);
          continue;
        }
        if (isa<CallExpr, CXXConstructExpr>(X)) {
          if (followed(X))
            arguments(X, Live, Block, Record);
          continue;
        }
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  void arguments(const Expr *Call, llvm::BitVector &Live, unsigned Block, bool Record) {
    auto operand = [&](const Expr *Arg) {
      const Expr *S = Arg->IgnoreParenCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->getOpcode() == UO_AddrOf)
        S = UO->getSubExpr();
      if (auto K = A.keyOf(S)) {
        K->Mask = 0;
        usePrefix(*K, Live, Block, Record);
      } else {
        reads(Arg, Live, Block, Record);
      }
    };
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *C = dyn_cast<CallExpr>(Call))
      Args = llvm::ArrayRef(C->getArgs(), C->getNumArgs());
    else if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
      Args = llvm::ArrayRef(C->getArgs(), C->getNumArgs());
    for (const Expr *Arg : Args)
      operand(Arg);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      operand(MC->getImplicitObjectArgument());
  }

  /// Kills a plain local's keys at its assignment; whether anything of it was live after.
  bool define(const Expr *LHS, const VarDecl *Var, llvm::BitVector &Live) {
    std::optional<PathKey> K;
    if (Var) {
      K = PathKey{};
      K->Root = Var;
    } else {
      K = A.keyOf(LHS);
    }
    if (!K)
      return false;
    bool Whole = K->Steps.empty() && !K->Mask;
    bool WasLive = false;
    if (auto It = ByRoot.find(K->Root); It != ByRoot.end())
      for (const auto &[Id, Bit] : It->second)
        if (A.Keys.key(Id).hasPrefix(*K) || (Whole && A.Keys.key(Id).Root == K->Root)) {
          WasLive |= Bit < Live.size() && Live.test(Bit);
          if (Whole && Out.isLocalKey(Id) && Bit < Live.size())
            Live.reset(Bit);
        }
    return WasLive;
  }

  /// Whether anything of the object \p LHS names (its masked bits included) is live.
  bool anyLive(const Expr *LHS, const llvm::BitVector &Live) {
    auto K = A.keyOf(LHS);
    if (!K)
      return false;
    K->Mask = 0;
    if (auto It = ByRoot.find(K->Root); It != ByRoot.end())
      for (const auto &[Id, Bit] : It->second) {
        PathKey P = A.Keys.key(Id);
        P.Mask = 0;
        if (P.hasPrefix(*K) && Bit < Live.size() && Live.test(Bit))
          return true;
      }
    return false;
  }

  void element(const CFGElement &E, llvm::BitVector &Live, unsigned Block, bool Record) {
    if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
      const VarDecl *VD = D->getVarDecl();
      const auto *RD = VD->getType()->getAsCXXRecordDecl();
      if (RD && RD->hasDefinition())
        if (const FunctionDecl *Def = A.definitionOf(RD->getDestructor());
            Def && A.isRelevant(Def)) {
          PathKey K;
          K.Root = VD;
          usePrefix(K, Live, Block, Record);
        }
      return;
    }
    if (auto I = E.getAs<CFGInitializer>()) {
      if (const Expr *Init = I->getInitializer()->getInit())
        reads(Init, Live, Block, Record);
      return;
    }
    auto CS = E.getAs<CFGStmt>();
    if (!CS)
      return;
    const Stmt *S = CS->getStmt();
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp()) {
        bool Needed = BO->isCompoundAssignmentOp() ? anyLive(BO->getLHS(), Live)
                                                   : define(BO->getLHS(), nullptr, Live);
        AssignLive[BO] |= Needed;
        if (Needed)
          reads(BO->getRHS(), Live, Block, Record);
      }
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp())
        AssignLive[UO] |= anyLive(UO->getSubExpr(), Live);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
          bool Needed = define(nullptr, VD, Live);
          AssignLive[DS] |= Needed;
          if (Needed && !isa<CXXConstructExpr>(VD->getInit()->IgnoreImplicit()))
            reads(VD->getInit(), Live, Block, Record);
        }
      return;
    }
    if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
      reads(RS->getRetValue(), Live, Block, Record);
      return;
    }
    if (isa<CallExpr, CXXConstructExpr>(S) && followed(cast<Expr>(S)))
      arguments(cast<Expr>(S), Live, Block, Record);
  }

  void liveness(const llvm::BitVector &Extra, bool Record) {
    unsigned N = Cfg.getNumBlockIDs();
    for (llvm::BitVector &V : Out.LiveIn)
      V.reset();
    std::vector<const CFGBlock *> ById(N, nullptr);
    for (const CFGBlock *B : Cfg)
      ById[B->getBlockID()] = B;
    // Backward: visit in post-order (reverse of the forward order) until nothing changes.
    std::vector<unsigned> Blocks;
    for (unsigned Id = 0; Id < N; ++Id)
      if (ById[Id])
        Blocks.push_back(Id);
    llvm::sort(Blocks, [&](unsigned X, unsigned Y) { return Out.Order[X] > Out.Order[Y]; });
    llvm::BitVector Pending(N, true);
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (unsigned Id : Blocks) {
        if (!Pending.test(Id))
          continue;
        Pending.reset(Id);
        const CFGBlock *B = ById[Id];
        llvm::BitVector Live = Extra;
        Live.resize(Out.Local.size());
        for (const CFGBlock::AdjacentBlock &S : B->succs()) {
          const CFGBlock *T = S.getReachableBlock() ? S.getReachableBlock()
                                                    : S.getPossiblyUnreachableBlock();
          if (T) {
            llvm::BitVector In = Out.LiveIn[T->getBlockID()];
            In.resize(Out.Local.size());
            Live |= In;
          }
        }
        if (const Stmt *Term = B->getTerminatorStmt();
            Term && Out.RelevantTerms.count(Term))
          if (const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition(false)))
            reads(Cond, Live, Id, Record);
        for (auto It = B->rbegin(); It != B->rend(); ++It)
          element(*It, Live, Id, Record);
        // A call inside the block may raise: what a handler reads is needed on entry too.
        Live |= Extra;
        llvm::BitVector &Old = Out.LiveIn[Id];
        Old.resize(Out.Local.size());
        if (Live != Old) {
          Old = std::move(Live);
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
  Out->FD = FD;
  Out->Order = Order;
  for (unsigned O : Order)
    if (O != ~0u)
      Out->NumOrdered = std::max(Out->NumOrdered, O + 1);
  Out->LiveIn.assign(Cfg.getNumBlockIDs(), llvm::BitVector());
  LivenessBuilder(A, FD, Cfg, *Out).build();
  return Out;
}

} // namespace clang::tidy::impersonation::detail
