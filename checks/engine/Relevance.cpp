// Which functions take part in impersonation, and which expressions the runs track in
// them (the ESP rule: what guards or feeds a begin, an end, a relevant call); how an
// expression maps to a tracked path (keyOf); the routines that start on a new thread.
#include "engine/AnalysisImpl.h"
#include "engine/FactLiveness.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::impersonation {

using namespace detail;

std::optional<PathKey> TranslationUnitAnalysis::Impl::keyOf(const Expr *E) const {
  E = E->IgnoreParenCasts();
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    if (!VD)
      return std::nullopt;
    PathKey K;
    K.Root = VD;
    return K;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return std::nullopt;
    std::optional<PathKey> Base;
    const Expr *B = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(B)) {
      Base = PathKey{};
    } else {
      Base = keyOf(B);
    }
    if (!Base || Base->Mask || Base->Steps.size() > 4)
      return std::nullopt;
    if (ME->isArrow())
      Base->Steps.push_back(nullptr);
    Base->Steps.push_back(FD);
    return Base;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref) {
    auto Base = keyOf(UO->getSubExpr());
    if (!Base || Base->Mask || Base->Steps.size() > 4)
      return std::nullopt;
    Base->Steps.push_back(nullptr);
    return Base;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_And) {
    Expr::EvalResult R;
    const Expr *L = BO->getLHS(), *M = BO->getRHS();
    if (!M->EvaluateAsInt(R, Ctx)) {
      std::swap(L, M);
      if (!M->EvaluateAsInt(R, Ctx))
        return std::nullopt;
    }
    auto Base = keyOf(L);
    if (!Base || Base->Mask)
      return std::nullopt;
    Base->Mask = R.Val.getInt().getZExtValue();
    if (!Base->Mask)
      return std::nullopt;
    return Base;
  }
  return std::nullopt;
}

std::optional<PathKey> TranslationUnitAnalysis::Impl::keyOfOperand(const Expr *Arg) const {
  const Expr *S = Arg->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->getOpcode() == UO_AddrOf)
    S = UO->getSubExpr();
  std::optional<PathKey> K = keyOf(S);
  if (K)
    K->Mask = 0;
  return K;
}

// Relevance: a function takes part in impersonation when it calls a begin, an end, a
// terminator or a token capture, or a relevant function, or destroys an object whose
// destructor is relevant.
bool TranslationUnitAnalysis::Impl::isRelevant(const FunctionDecl *FD) {
  FunctionInfo &FI = Info[FD];
  if (FI.Relevance == FunctionInfo::Done)
    return FI.Relevant;
  if (FI.Relevance == FunctionInfo::Visiting)
    return false;
  FI.Relevance = FunctionInfo::Visiting;
  bool Relevant = false, MayBegin = false, ContainsEnd = false;
  if (ApiModel::annotation(FD, "transfers"))
    Relevant = true;
  // What a class's members do to its fields decides what its destructor does.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && !isa<CXXDestructorDecl>(MD))
    if (const CXXRecordDecl *RD = MD->getParent(); RD && RD->hasDefinition())
      if (!destructorsOf(RD).empty())
        Relevant = true;
  // One pass over the body (lambda bodies are functions of their own).
  struct Finder {
    Impl &A;
    FunctionInfo &Self; // Info is node-based: the reference outlives callees' entries
    bool &Relevant, &MayBegin, &ContainsEnd;
    void callee(const Expr *Call) {
      if (const FunctionDecl *Def = A.relevantCallee(Call)) {
        Self.Callees.push_back(Def);
        Relevant = true;
        MayBegin |= A.Info[Def].MayBegin;
      }
    }
    void call(const CallExpr *C) {
      if (const ApiEntry *E = A.Apis.lookup(C)) {
        if (E->Role == ApiRole::ThreadStart)
          A.noteThreadStart(C);
        if (E->Role == ApiRole::Begin)
          Relevant = MayBegin = true;
        else if (E->Role == ApiRole::End)
          Relevant = ContainsEnd = true;
        else if (E->Role == ApiRole::Terminator || E->Role == ApiRole::TokenCapture)
          Relevant = true;
        return;
      }
      callee(C);
    }
    void variable(const VarDecl *VD) {
      if (const auto *RD = VD->getType()->getAsCXXRecordDecl())
        for (const Impl::MemberDestructor &D : A.destructorsOf(RD)) {
          Self.Callees.push_back(D.Def);
          Relevant = true;
        }
    }
    void scan(const Stmt *Root) {
      llvm::SmallVector<const Stmt *, 32> Work{Root};
      while (!Work.empty()) {
        const Stmt *S = Work.pop_back_val();
        if (!S)
          continue;
        if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
          if (const CXXMethodDecl *Op = LE->getCallOperator(); Op && !Op->isDependentContext())
            A.Lambdas.push_back(Op);
          for (const Expr *Init : LE->capture_inits())
            Work.push_back(Init);
          continue;
        }
        if (const auto *C = dyn_cast<CallExpr>(S))
          call(C);
        else if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
          A.noteStdThread(CE);
          callee(CE);
        }
        else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
          if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            Self.Fields.insert(F);
        } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D))
              variable(VD);
        } else if (const auto *Catch = dyn_cast<CXXCatchStmt>(S)) {
          if (const VarDecl *VD = Catch->getExceptionDecl())
            variable(VD);
        }
        for (const Stmt *Child : S->children())
          Work.push_back(Child);
      }
    }
  } F{*this, FI, Relevant, MayBegin, ContainsEnd};
  F.scan(FD->getBody());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        F.scan(Init->getInit());
  if (ApiModel::annotation(FD, "transfers"))
    MayBegin = true;
  FI.Relevance = FunctionInfo::Done;
  FI.Relevant = Relevant;
  FI.MayBegin = MayBegin;
  FI.ContainsEnd = ContainsEnd;
  return Relevant;
}

// Tracked roots: variables in conditions that guard a begin, an end, a relevant call or
// an assignment to a tracked root; variables assigned from such calls or handed to them.
TranslationUnitAnalysis::Impl::FunctionInfo &
TranslationUnitAnalysis::Impl::roots(const FunctionDecl *FD) {
  FunctionInfo &FI = Info[FD];
  if (FI.RootsComputed)
    return FI;
  FI.RootsComputed = true;

  llvm::SmallPtrSet<const ValueDecl *, 8> Direct;
  // assigned root -> roots that guard the assignment or feed its value
  std::vector<std::pair<const ValueDecl *, llvm::SmallVector<const ValueDecl *, 4>>> Edges;

  // The variables an expression reads (lambda bodies aside).
  auto rootsIn = [](const Stmt *S, llvm::SmallVectorImpl<const ValueDecl *> &Out) {
    llvm::SmallVector<const Stmt *, 16> Work{S};
    while (!Work.empty()) {
      const Stmt *N = Work.pop_back_val();
      if (!N || isa<LambdaExpr, UnaryExprOrTypeTraitExpr>(N))
        continue;
      if (const auto *D = dyn_cast<DeclRefExpr>(N)) {
        if (isa<VarDecl>(D->getDecl()))
          Out.push_back(D->getDecl());
        continue;
      }
      for (const Stmt *C : N->children())
        Work.push_back(C);
    }
  };

  struct Walker {
    Impl &A;
    decltype(rootsIn) &RootsIn;
    llvm::SmallPtrSet<const ValueDecl *, 8> &Direct;
    decltype(Edges) &Edges;
    llvm::SmallVector<const ValueDecl *, 16> Guards;
    unsigned OutcomeGuards = 0; // enclosing conditions that test a begin or end call

    // Calls whose result the engine computes from their arguments.
    static bool valueModelled(const Expr *E) {
      const auto *C = dyn_cast<CallExpr>(E);
      detail::ModelledCall M = detail::modelledCall(C ? C->getDirectCallee() : nullptr);
      return M == detail::ModelledCall::HResultFromWin32 ||
             M == detail::ModelledCall::HResultFromNt;
    }
    bool interestingCall(const Expr *E) {
      if (const ApiEntry *Api = A.api(E))
        return Api->Role == ApiRole::Begin || Api->Role == ApiRole::End ||
               Api->Role == ApiRole::Terminator || Api->Role == ApiRole::TokenCapture;
      return A.relevantCallee(E) != nullptr;
    }
    // Parameters a condition reads as values (`if (!req)`), not only through (`req->x`).
    // One pass over an expression: the variables it reads (into Roots), the parameters
    // it reads as values (`if (!req)`, not only `req->x`), and whether it calls a begin,
    // an end or a relevant function.
    bool scan(const Stmt *S, llvm::SmallVectorImpl<const ValueDecl *> &Roots,
              bool MarkTested) {
      if (!S || isa<LambdaExpr>(S))
        return false;
      if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
        if (isa<VarDecl>(DR->getDecl()))
          Roots.push_back(DR->getDecl());
        if (const auto *P = dyn_cast<ParmVarDecl>(DR->getDecl()); P && MarkTested)
          TestedParams.insert(P);
        return false;
      }
      if (isa<UnaryExprOrTypeTraitExpr>(S))
        return false; // sizeof, alignof: not evaluated
      bool Interesting = isa<CallExpr, CXXConstructExpr>(S) && interestingCall(cast<Expr>(S));
      // What an opaque call is given cannot make its result known: not a root.
      if (isa<CallExpr, CXXConstructExpr>(S) && !Interesting && !valueModelled(cast<Expr>(S)))
        return false;
      if (Interesting) {
        // A field handed to it is tracked from that path down (handedTo), not its root.
        forEachOperand(cast<Expr>(S), [&](const Expr *Arg) {
          if (!handedPath(Arg))
            scan(Arg, Roots, MarkTested);
        });
        return true;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(S)) {
        // The base is read through, not tested as a value.
        bool Through = isa<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
        return scan(ME->getBase(), Roots, MarkTested && !Through) || Interesting;
      }
      for (const Stmt *C : S->children())
        Interesting |= scan(C, Roots, MarkTested);
      return Interesting;
    }
    // What a call that matters is handed: a field of a local or a parameter
    // (`req->token`, `&ctx->handle`) is tracked from that path down; anything else by
    // every variable it reads.
    void handedTo(const Expr *Arg) {
      if (handedPath(Arg))
        return;
      llvm::SmallVector<const ValueDecl *, 4> R;
      RootsIn(Arg, R);
      Direct.insert(R.begin(), R.end());
    }
    bool handedPath(const Expr *Arg) {
      auto K = A.keyOfOperand(Arg);
      const auto *VD = K ? dyn_cast_or_null<VarDecl>(K->Root) : nullptr;
      if (!VD || !VD->hasLocalStorage() || K->Steps.empty())
        return false;
      auto &List = Paths[VD];
      if (llvm::none_of(List, [&](const PathKey &P) { return K->hasPrefix(P); }))
        List.push_back(*K);
      return true;
    }
    // The statements a condition decides whether to run (then and else, a loop's body).
    void guarded(const Stmt *Cond, std::initializer_list<const Stmt *> Bodies) {
      size_t N = Guards.size();
      // What is assigned under `if (Begin())` records the begin's outcome (`ok = TRUE`).
      bool Outcome = scan(Cond, Guards, /*MarkTested=*/true);
      OutcomeGuards += Outcome;
      for (const Stmt *Body : Bodies)
        walk(Body);
      OutcomeGuards -= Outcome;
      Guards.resize(N);
    }
    void assignment(const Expr *LHS, const Expr *RHS) {
      auto K = A.keyOf(LHS);
      if (!K || !K->Root)
        return;
      llvm::SmallVector<const ValueDecl *, 4> Feeds(Guards.begin(), Guards.end());
      if (OutcomeGuards)
        Direct.insert(K->Root);
      if (RHS && scan(RHS, Feeds, /*MarkTested=*/false))
        Direct.insert(K->Root);
      Edges.push_back({K->Root, Feeds});
    }
    void walk(const Stmt *S) {
      if (!S)
        return;
      if (const auto *If = dyn_cast<IfStmt>(S)) {
        walk(If->getInit());
        if (If->getConditionVariableDeclStmt())
          walk(If->getConditionVariableDeclStmt());
        walk(If->getCond());
        guarded(If->getCond(), {If->getThen(), If->getElse()});
        return;
      }
      if (const auto *W = dyn_cast<WhileStmt>(S)) {
        walk(W->getCond());
        guarded(W->getCond(), {W->getBody()});
        return;
      }
      if (const auto *D = dyn_cast<DoStmt>(S)) {
        walk(D->getCond());
        guarded(D->getCond(), {D->getBody()});
        return;
      }
      if (const auto *F = dyn_cast<ForStmt>(S)) {
        walk(F->getInit());
        walk(F->getCond());
        guarded(F->getCond(), {F->getBody(), F->getInc()});
        return;
      }
      if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
        walk(Sw->getInit());
        walk(Sw->getCond());
        guarded(Sw->getCond(), {Sw->getBody()});
        return;
      }
      if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S)) {
        walk(CO->getCond());
        guarded(CO->getCond(), {CO->getTrueExpr(), CO->getFalseExpr()});
        return;
      }
      if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
        if (BO->isLogicalOp()) {
          walk(BO->getLHS());
          guarded(BO->getLHS(), {BO->getRHS()});
          return;
        }
        if (BO->isAssignmentOp())
          assignment(BO->getLHS(), BO->getRHS());
      }
      if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->isIncrementDecrementOp())
        assignment(UO->getSubExpr(), nullptr);
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D)) {
            llvm::SmallVector<const ValueDecl *, 4> Feeds(Guards.begin(), Guards.end());
            if (const Expr *Init = VD->getInit(); Init && scan(Init, Feeds, false))
              Direct.insert(VD);
            if (const auto *RD = VD->getType()->getAsCXXRecordDecl())
              if (!A.destructorsOf(RD).empty())
                Direct.insert(VD);
            Edges.push_back({VD, Feeds});
          }
      }
      // An early return or jump decides whether what follows it runs: a begin or an end
      // after `if (!req->impersonating) return;` depends on that flag.
      if (isa<ReturnStmt, GotoStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(S) && JumpsDecide)
        Direct.insert(Guards.begin(), Guards.end());
      if (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) {
        const auto *E = cast<Expr>(S);
        // Which identity a protected operation runs with depends on its guards.
        if (!interestingCall(E) && A.performsOperation(E))
          Direct.insert(Guards.begin(), Guards.end());
        if (interestingCall(E)) {
          Direct.insert(Guards.begin(), Guards.end());
          // Whatever the call can see may decide what it does.
          forEachOperand(E, [&](const Expr *Arg) { handedTo(Arg); });
        }
      }
      if (isa<LambdaExpr>(S))
        return;
      for (const Stmt *C : S->children())
        walk(C);
    }
    llvm::SmallPtrSetImpl<const ParmVarDecl *> &TestedParams;
    bool JumpsDecide; // a revert helper (ends, never begins): its early exits skip the end
    decltype(FI.PathRoots) &Paths;
  } W{*this, rootsIn, Direct, Edges, {}, 0, FI.TestedParams, FI.ContainsEnd && !FI.MayBegin,
      FI.PathRoots};
  W.walk(FD->getBody());
  // Member initializers assign `this` fields, which are always tracked.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->getMember() && I->getInit()) {
        llvm::SmallVector<const ValueDecl *, 4> R;
        rootsIn(I->getInit(), R);
        Direct.insert(R.begin(), R.end());
        W.walk(I->getInit());
      }

  // Close over the edges: a tracked root makes what guards or feeds it tracked.
  auto closure = [&](llvm::SmallPtrSet<const ValueDecl *, 8> &Roots) {
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (const auto &[To, From] : Edges)
        if (Roots.count(To))
          for (const ValueDecl *F : From)
            Changed |= Roots.insert(F).second;
    }
  };
  // What decides the function's behaviour: the calling context a summary depends on.
  FI.ContextRoots = Direct;
  for (const auto &[Root, Paths] : FI.PathRoots)
    FI.ContextRoots.insert(Root);
  closure(FI.ContextRoots);
  // What it writes through pointer and reference parameters reaches its callers
  // (out-flags): those parameters are tracked too, without entering the context. A
  // function nothing in the file names has no caller to tell.
  if (detail::FactLiveness::exitsObserved(FD))
    for (const ParmVarDecl *P : FD->parameters())
      if (P->getType()->isPointerType() || P->getType()->isReferenceType())
        Direct.insert(P);
  llvm::SmallPtrSet<const ValueDecl *, 8> &Roots = FI.Roots;
  Roots = Direct;
  closure(Roots);
  for (const ValueDecl *R : Roots)
    if (const auto *VD = dyn_cast<VarDecl>(R); VD && VD->hasGlobalStorage() && !VD->isStaticLocal())
      TrackedGlobals.insert(VD);
  return FI;
}

void TranslationUnitAnalysis::Impl::noteThreadStart(const CallExpr *C) {
  const ApiEntry *E = Apis.lookup(C);
  if (!E || E->Role != ApiRole::ThreadStart || E->ThreadArg < 0 ||
      unsigned(E->ThreadArg) >= C->getNumArgs())
    return;
  noteThreadRoutine(C->getArg(E->ThreadArg));
}

// std::thread and std::jthread run their first argument on a new thread of their own.
void TranslationUnitAnalysis::Impl::noteStdThread(const CXXConstructExpr *C) {
  const CXXRecordDecl *RD = C->getConstructor()->getParent();
  if (C->getNumArgs() == 0 || !RD->getIdentifier() || !RD->isInStdNamespace() ||
      (RD->getName() != "thread" && RD->getName() != "jthread"))
    return;
  const Expr *Arg = C->getArg(0)->IgnoreImplicit();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Arg))
    Arg = MT->getSubExpr()->IgnoreImplicit();
  noteThreadRoutine(Arg);
}

const FunctionDecl *TranslationUnitAnalysis::Impl::routineOf(const Expr *Routine) const {
  const Expr *Arg = Routine->IgnoreParenCasts();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Arg))
    Arg = MT->getSubExpr()->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Arg); UO && UO->getOpcode() == UO_AddrOf)
    Arg = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DR = dyn_cast<DeclRefExpr>(Arg))
    if (const auto *FD = dyn_cast<FunctionDecl>(DR->getDecl()))
      return FD;
  // A captureless lambda converted to the routine's function pointer.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Arg))
    if (const auto *LE = dyn_cast<LambdaExpr>(
            MC->getImplicitObjectArgument()->IgnoreImplicit()->IgnoreParenCasts()))
      return LE->getCallOperator();
  if (const auto *LE = dyn_cast<LambdaExpr>(Arg->IgnoreImplicit()))
    return LE->getCallOperator();
  return nullptr;
}

void TranslationUnitAnalysis::Impl::noteThreadRoutine(const Expr *Routine) {
  if (const FunctionDecl *FD = routineOf(Routine))
    ThreadStarts.insert(FD->getCanonicalDecl());
}

// A parameter is written through when the body assigns through it (`*p = `, `p->f = `,
// `p[i] = `, `++p->n`) or hands it to any call, where it may be written in turn.
bool TranslationUnitAnalysis::Impl::writesThroughParam(const FunctionDecl *Def,
                                                        unsigned Index) {
  auto [It, New] = ParamWrites.try_emplace(Def);
  if (New) {
    It->second.assign(Def->getNumParams(), false);
    llvm::SmallVector<bool, 4> Writes(Def->getNumParams(), false);
    auto paramIn = [&](const Expr *E) -> int {
      // The parameter an lvalue is reached through, if any.
      while (true) {
        E = E->IgnoreParenCasts();
        if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
          if (const auto *P = dyn_cast<ParmVarDecl>(DR->getDecl()); P && P->getDeclContext() == Def)
            return P->getFunctionScopeIndex();
          return -1;
        }
        if (const auto *ME = dyn_cast<MemberExpr>(E))
          E = ME->getBase();
        else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
          E = AS->getBase();
        else if (const auto *UO = dyn_cast<UnaryOperator>(E);
                 UO && (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf))
          E = UO->getSubExpr();
        else if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAdditiveOp())
          E = BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
        else
          return -1;
      }
    };
    auto through = [&](const Expr *LHS) {
      // Writing the parameter itself (`p = q`) writes nothing of the caller's.
      const Expr *S = LHS->IgnoreParenCasts();
      if (const auto *DR = dyn_cast<DeclRefExpr>(S))
        if (!DR->getDecl()->getType()->isReferenceType())
          return;
      if (int I = paramIn(S); I >= 0 && unsigned(I) < Writes.size())
        Writes[I] = true;
    };
    llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
        through(BO->getLHS());
      else if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->isIncrementDecrementOp())
        through(UO->getSubExpr());
      else if (isa<CallExpr, CXXConstructExpr>(S)) {
        for (const Expr *Arg : callArgs(cast<Expr>(S)))
          if (int I = paramIn(Arg); I >= 0 && unsigned(I) < Writes.size() &&
                                    !(Arg->getType()->isPointerType() &&
                                      Arg->getType()->getPointeeType().isConstQualified()))
            Writes[I] = true;
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
          if (int I = paramIn(MC->getImplicitObjectArgument()); I >= 0 && unsigned(I) < Writes.size())
            Writes[I] = true;
      } else if (isa<LambdaExpr>(S)) {
        // A lambda may capture the parameter and write through it later.
        for (unsigned I = 0; I < Writes.size(); ++I)
          Writes[I] = true;
        continue;
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
    ParamWrites[Def] = Writes;
    It = ParamWrites.find(Def);
  }
  return Index >= It->second.size() || It->second[Index];
}

const std::vector<TranslationUnitAnalysis::Impl::MemberDestructor> &
TranslationUnitAnalysis::Impl::destructorsOf(const CXXRecordDecl *RD) {
  RD = RD->getDefinition();
  static const std::vector<MemberDestructor> None;
  if (!RD)
    return None;
  if (auto It = Destructors.find(RD); It != Destructors.end())
    return It->second;
  Destructors[RD]; // recursion through members: nothing known yet
  std::vector<MemberDestructor> Out;
  if (const CXXDestructorDecl *D = RD->getDestructor())
    if (const FunctionDecl *Def = definitionOf(D); Def && isRelevant(Def))
      Out.push_back({Def, {}});
  // Members die after the destructor's body, last declared first.
  llvm::SmallVector<const FieldDecl *, 8> Fields(RD->fields());
  for (auto It = Fields.rbegin(); It != Fields.rend(); ++It) {
    const auto *MRD = (*It)->getType()->getAsCXXRecordDecl();
    if (!MRD || (*It)->getType()->isReferenceType())
      continue;
    for (const MemberDestructor &M : destructorsOf(MRD)) {
      MemberDestructor Inner{M.Def, {*It}};
      Inner.Path.append(M.Path.begin(), M.Path.end());
      Out.push_back(std::move(Inner));
    }
  }
  return Destructors[RD] = std::move(Out);
}

} // namespace clang::tidy::impersonation
