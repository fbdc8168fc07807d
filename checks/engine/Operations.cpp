// The operation report: unchecked begins, spawns while impersonating and accesses made
// with the service's token, answered after the runs from their observations, the call
// graph and the client's data (docs/design.md, "Operations"); and which operations a
// function performs by its text (operationsOf), which the runs consult at calls.
#include "engine/ClientData.h"
#include "engine/FunctionRun.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::impersonation {

using namespace detail;

namespace {

/// Whether two expressions name the same object: `h`, `job->h`, `workers[0]`.
bool sameObject(const Expr *X, const Expr *Y, const ASTContext &Ctx) {
  X = X->IgnoreParenImpCasts();
  Y = Y->IgnoreParenImpCasts();
  if (const auto *DX = dyn_cast<DeclRefExpr>(X)) {
    const auto *DY = dyn_cast<DeclRefExpr>(Y);
    return DY && DX->getDecl() == DY->getDecl();
  }
  if (const auto *MX = dyn_cast<MemberExpr>(X)) {
    const auto *MY = dyn_cast<MemberExpr>(Y);
    return MY && MX->getMemberDecl() == MY->getMemberDecl() &&
           sameObject(MX->getBase(), MY->getBase(), Ctx);
  }
  if (const auto *AX = dyn_cast<ArraySubscriptExpr>(X)) {
    const auto *AY = dyn_cast<ArraySubscriptExpr>(Y);
    if (!AY || !sameObject(AX->getBase(), AY->getBase(), Ctx))
      return false;
    auto IX = AX->getIdx()->getIntegerConstantExpr(Ctx);
    auto IY = AY->getIdx()->getIntegerConstantExpr(Ctx);
    return IX && IY && *IX == *IY;
  }
  if (const auto *UX = dyn_cast<UnaryOperator>(X); UX && UX->getOpcode() == UO_Deref) {
    const auto *UY = dyn_cast<UnaryOperator>(Y);
    return UY && UY->getOpcode() == UO_Deref && sameObject(UX->getSubExpr(), UY->getSubExpr(), Ctx);
  }
  return false;
}

} // namespace

TranslationUnitAnalysis::Impl::Operations
TranslationUnitAnalysis::Impl::operationsOf(const FunctionDecl *FD) {
  if (auto It = OperationsCache.find(FD); It != OperationsCache.end())
    return It->second;
  OperationsCache[FD] = Operations{}; // recursion: what is known so far
  Operations Ops;
  llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (isa<CallExpr, CXXConstructExpr>(S)) {
      const auto *E = cast<Expr>(S);
      if (const OperationEntry *Op = Apis.operation(E)) {
        Ops.Any = true;
        Ops.AllFixed = Ops.AllFixed && namesFixedObjects(E, *Op);
      } else if (const FunctionDecl *Def = definitionOf(calleeOf(E)); Def && Def != FD) {
        Operations Inner = operationsOf(Def);
        Ops.Any |= Inner.Any;
        Ops.AllFixed = Ops.AllFixed && Inner.AllFixed;
      }
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  OperationsCache[FD] = Ops;
  return Ops;
}

bool TranslationUnitAnalysis::Impl::isFixedName(const Expr *E) const {
  E = stripName(E);
  if (isa<StringLiteral, CharacterLiteral, IntegerLiteral, CXXNullPtrLiteralExpr, GNUNullExpr,
          PredefinedExpr>(E))
    return true;
  if (!E->isValueDependent() && E->isEvaluatable(Ctx))
    return true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl, FunctionDecl>(DR->getDecl()))
      return true;
    if (const auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
      return VD->hasGlobalStorage() ||
             (VD->getType().isConstQualified() && VD->getInit() && isFixedName(VD->getInit()));
    return false;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isFixedName(ME->getBase());
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return isFixedName(AS->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref) &&
           isFixedName(UO->getSubExpr());
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return llvm::all_of(CE->arguments(), [&](const Expr *A) { return isFixedName(A); });
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return isStdStringLike(MC->getImplicitObjectArgument()->getType()) &&
           isFixedName(MC->getImplicitObjectArgument()) &&
           llvm::all_of(MC->arguments(), [&](const Expr *A) { return isFixedName(A); });
  return false;
}

bool TranslationUnitAnalysis::Impl::namesFixedObjects(const Expr *Call,
                                                      const OperationEntry &Op) const {
  // Which hive, profile or credential these reach depends on who the thread is: never
  // one of the service's own fixed objects, even with a literal subkey.
  if (const auto *C = dyn_cast<CallExpr>(Call); C && Apis.reachesThreadIdentityObject(C, Ctx))
    return false;
  llvm::ArrayRef<const Expr *> Args = callArgs(Call);
  for (int I : {Op.NameArg, Op.NameArg2})
    if (I >= 0 && unsigned(I) < Args.size() && !isFixedName(Args[I]))
      return false;
  return true;
}

namespace {

/// The operation report for one option set, from the runs' observations: the unchecked
/// begins, the spawns made while impersonating, and the accesses to client-named objects
/// made while not acting as the client (docs/design.md, "Operations").
class OperationPass {
public:
  using Impl = TranslationUnitAnalysis::Impl;
  using Observation = Impl::Observation;

  OperationPass(Impl &A, const OperationQuery &Query)
      : A(A), StrictMode(Query.StrictMode), Derived(A, Texts), Data(A, &Derived) {
    if (!Query.RequestHandlers.empty())
      Handlers.emplace(Query.RequestHandlers);
    for (const FunctionDecl *FD : A.AllFunctions)
      Texts[FD] = readFunction(A, FD);
  }

  OperationReport run() {
    OperationReport R;
    findHandlers();
    findEntryIdentities();
    reportUncheckedBegins(R);
    reportSpawns(R);
    findClientData();
    reportAccesses(R);
    return R;
  }

private:
  struct Edge {
    const FunctionDecl *Caller;
    const Expr *Call;
  };

  /// The identities at a call: what the runs saw, or the caller's entry identity all
  /// along where the caller was never analysed (it takes no part in impersonation).
  const llvm::SmallVector<Observation, 2> &observed(const FunctionDecl *Caller,
                                                   const Expr *Call) const {
    static const llvm::SmallVector<Observation, 2> AtEntry{
        Observation{Who::Entry, nullptr, nullptr, nullptr, false}};
    static const llvm::SmallVector<Observation, 2> None;
    if (!A.RunFunctions.count(Caller))
      return AtEntry;
    auto It = A.CallObservations.find(Call);
    return It == A.CallObservations.end() ? None : It->second;
  }
  static ClientDataOrigin paramOrigin(const ParmVarDecl *P, ClientDataOrigin::Kind K) {
    ClientDataOrigin O;
    O.K = K;
    O.Loc = P->getLocation();
    O.Name = P->getNameAsString();
    O.Param = P;
    return O;
  }
  static bool actsAsClient(Who W) { return W == Who::Client; }
  static bool notClient(Who W) {
    return W == Who::Service || W == Who::Self || W == Who::Anonymous;
  }
  static bool isRpcRoutine(const FunctionDecl *FD) {
    if (FD->getNumParams() == 0)
      return false;
    QualType T = FD->getParamDecl(0)->getType();
    while (const auto *TT = T->getAs<TypedefType>()) {
      llvm::StringRef N = TT->getDecl()->getName();
      if (N == "handle_t" || N == "RPC_BINDING_HANDLE")
        return true;
      T = TT->desugar();
    }
    return false;
  }

  /// Request handlers: they receive the client's data, are RPC manager routines, match
  /// the option, are annotated, or impersonate a client themselves.
  void findHandlers() {
    for (const FunctionDecl *FD : A.AllFunctions) {
      bool Params = isRpcRoutine(FD) || ApiModel::annotation(FD, "handler").has_value() ||
                    (Handlers && Handlers->match(FD->getQualifiedNameAsString()));
      bool H = Params;
      for (const Expr *C : Texts[FD].Calls) {
        if (const auto *CE = dyn_cast<CallExpr>(C)) {
          if (A.Apis.clientSource(CE))
            H = true;
          if (const ApiEntry *Api = A.Apis.lookup(CE);
              Api && Api->Role == ApiRole::Begin && Api->Identity == IdentityKind::Client)
            H = true;
        }
      }
      ParamsFromClient[FD] = Params;
      Handler[FD] = H;
    }
  }

  /// The call graph, and which identity each function may be entered with.
  void findEntryIdentities() {
    for (const FunctionDecl *FD : A.AllFunctions)
      for (const Expr *C : Texts[FD].Calls)
        if (const FunctionDecl *Def = A.definitionOf(A.calleeOf(C)); Def && Texts.count(Def))
          Callers[Def].push_back({FD, C});
    for (const FunctionDecl *FD : A.AllFunctions)
      // Nothing here calls it: an entry point of the service (a handler, a thread, a
      // service routine), entered with the primary token.
      EntryNotClient[FD] = Callers[FD].empty();
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const FunctionDecl *FD : A.AllFunctions)
        for (const Edge &E : Callers[FD])
          for (const Observation &O : observed(E.Caller, E.Call)) {
            if (!EntryNotClient[FD] &&
                (notClient(O.W) || (O.W == Who::Entry && EntryNotClient[E.Caller]))) {
              EntryNotClient[FD] = true;
              Changed = true;
            }
            if (!EntryClient.count(FD) &&
                (O.W == Who::Client || O.W == Who::Anonymous ||
                 (O.W == Who::Entry && EntryClient.count(E.Caller)))) {
              EntryClient[FD] = E;
              Changed = true;
            }
          }
    }
  }

  /// impersonation-unchecked-result: the runs kept the first operation after each failed
  /// begin; and the reverts whose result is dropped.
  void reportUncheckedBegins(OperationReport &R) {
    for (const Stmt *Site : A.UncheckedOrder) {
      UncheckedBegin U = A.UncheckedFound[Site];
      U.BeginName = beginSiteName(Site);
      R.Unchecked.push_back(std::move(U));
    }
    for (const FunctionDecl *FD : A.AllFunctions)
      for (const CallExpr *C : Texts[FD].DiscardedEnds)
        R.IgnoredReverts.push_back({C, C->getDirectCallee() ? C->getDirectCallee()->getNameAsString()
                                                            : A.Apis.lookup(C)->Name});
  }

  /// impersonation-spawn-while-impersonating.
  void reportSpawns(OperationReport &R) {
    for (const FunctionDecl *FD : A.AllFunctions) {
      const FunctionText &T = Texts[FD];
      for (const Expr *C : T.Calls) {
        const OperationEntry *Op = A.Apis.operation(C);
        if (!Op || !Op->isSpawn())
          continue;
        if (Op->Kind == OperationKind::Thread && isa<CXXConstructExpr>(C) &&
            cast<CXXConstructExpr>(C)->getNumArgs() == 0)
          continue; // an empty std::thread starts nothing
        // The handover: created suspended, given the token, then resumed.
        if (Op->Kind == OperationKind::Thread && isa<CallExpr>(C)) {
          const auto *CE = cast<CallExpr>(C);
          int FlagsArg = 4; // CreateThread and _beginthreadex alike
          std::optional<int64_t> Flags;
          if (unsigned(FlagsArg) < CE->getNumArgs())
            if (auto V = CE->getArg(FlagsArg)->getIntegerConstantExpr(A.Ctx))
              Flags = V->getExtValue();
          if (Flags && (*Flags & 0x4 /* CREATE_SUSPENDED */)) {
            // Where the handle is stored, and whether it gets the token before it resumes.
            auto isHandle = [&](const Expr *E) {
              E = stripName(E);
              for (const FunctionText::Store &St : T.Stores) {
                if (stripName(St.RHS) != C)
                  continue;
                if (St.LHS && sameObject(St.LHS, E, A.Ctx))
                  return true;
                if (const auto *DR = dyn_cast<DeclRefExpr>(E); St.Var && DR && DR->getDecl() == St.Var)
                  return true;
              }
              return false;
            };
            SourceLocation FirstResume;
            for (const Expr *Other : T.Calls)
              if (const auto *OC = dyn_cast<CallExpr>(Other); OC && OC->getNumArgs() > 0)
                if (const FunctionDecl *F = OC->getDirectCallee();
                    F && F->getIdentifier() && F->getName() == "ResumeThread" && isHandle(OC->getArg(0))) {
                  FirstResume = OC->getBeginLoc();
                  break;
                }
            bool GivenToken = false;
            for (const Expr *Other : T.Calls)
              if (const auto *OC = dyn_cast<CallExpr>(Other); OC && OC->getNumArgs() > 0)
                if (const ApiEntry *Api = A.Apis.lookup(OC);
                    Api && Api->Role == ApiRole::Begin && Api->ThreadArg == 0 &&
                    (FirstResume.isInvalid() || A.SM.isBeforeInTranslationUnit(OC->getBeginLoc(), FirstResume))) {
                  const Expr *Arg = stripName(OC->getArg(0));
                  if (const auto *UO = dyn_cast<UnaryOperator>(Arg); UO && UO->getOpcode() == UO_AddrOf)
                    Arg = UO->getSubExpr();
                  GivenToken |= isHandle(Arg);
                }
            if (GivenToken)
              continue;
          }
        }
        // The handover by flag: the pool runs the work with the queuing thread's token.
        if (const auto *CE = dyn_cast<CallExpr>(C))
          if (const HandoverEntry *H = A.Apis.handover(CE);
              H && unsigned(H->FlagsArg) < CE->getNumArgs())
            if (auto Flags = CE->getArg(H->FlagsArg)->getIntegerConstantExpr(A.Ctx);
                Flags && (Flags->getZExtValue() & H->Flag))
              continue;
        // A routine that impersonates by itself (the token handed over) is the fix, not the bug.
        if (Op->Kind != OperationKind::Process && Op->NameArg >= 0 &&
            unsigned(Op->NameArg) < callArgs(C).size())
          if (const FunctionDecl *Routine = A.definitionOf(A.routineOf(callArgs(C)[Op->NameArg]));
              Routine && A.isRelevant(Routine) && A.Info[Routine].MayBegin)
            continue;
        SpawnWhileImpersonating Sp;
        Sp.Call = C;
        Sp.Kind = Op->Kind;
        Sp.Api = FunctionRun::displayName(C);
        bool Found = false;
        for (const Observation &O : observed(FD, C))
          if (O.W == Who::Client || O.W == Who::Anonymous) {
            Found = true;
            if (O.Site)
              Sp.BeginLoc = O.Site->getBeginLoc();
            break;
          }
        if (!Found)
          for (const Observation &O : observed(FD, C))
            if (O.W == Who::Entry && EntryClient.count(FD)) {
              Found = true;
              const Edge &E = EntryClient[FD];
              Sp.CallerLoc = E.Call->getBeginLoc();
              Sp.Callee = FD->getNameAsString();
              for (const Observation &CO : observed(E.Caller, E.Call))
                if ((CO.W == Who::Client || CO.W == Who::Anonymous) && CO.Site) {
                  Sp.BeginLoc = CO.Site->getBeginLoc();
                  break;
                }
              break;
            }
        if (Found)
          R.Spawns.push_back(std::move(Sp));
      }
    }
  }

  /// impersonation-primary-token-access, first: the client's data in each function.
  void findClientData() {
    for (const FunctionDecl *FD : A.AllFunctions) {
      const FunctionText &T = Texts[FD];
      if (ParamsFromClient[FD])
        for (unsigned I = isRpcRoutine(FD) ? 1 : 0; I < FD->getNumParams(); ++I) {
          PathKey K;
          K.Root = FD->getParamDecl(I);
          Data.add(FD, K, paramOrigin(FD->getParamDecl(I), ClientDataOrigin::Parameter));
        }
      for (const Expr *C : T.Calls) {
        const auto *CE = dyn_cast<CallExpr>(C);
        if (const ClientSourceEntry *Src = CE ? A.Apis.clientSource(CE) : nullptr) {
          if (unsigned(Src->BufferArg) >= CE->getNumArgs())
            continue;
          // A handle the function opened as a file is not the client's connection.
          bool FromFile = false;
          if (unsigned(Src->HandleArg) < CE->getNumArgs())
            if (auto H = Data.destination(CE->getArg(Src->HandleArg)))
              for (const auto &[K, From] : T.Flows)
                if (K.Root == H->Root && K.Steps == H->Steps)
                  if (const OperationEntry *Op = A.Apis.operation(stripName(From));
                      Op && Op->Kind == OperationKind::Access)
                    FromFile = true;
          if (FromFile)
            continue;
          if (auto B = Data.destination(CE->getArg(Src->BufferArg))) {
            ClientDataOrigin O;
            O.K = ClientDataOrigin::Received;
            O.Loc = CE->getBeginLoc();
            Data.add(FD, *B, O);
            // What the buffer descriptor points at (WSABUF.buf = data) is filled in too.
            for (const auto &[K, From] : T.Flows)
              if (K.hasPrefix(*B))
                if (auto S = Data.destination(From))
                  Data.add(FD, *S, O);
          }
        }
      }
    }
    derive();
    // Then: a name the function opens as the client is the client's object everywhere in
    // it (after the receives and parameters, which explain a name better).
    for (const FunctionDecl *FD : A.AllFunctions)
      for (const Expr *C : Texts[FD].Calls) {
        const OperationEntry *Op = A.Apis.operation(C);
        if (!Op || !Op->isAccess())
          continue;
        bool AsClient = llvm::any_of(observed(FD, C), [&](const Observation &O) {
          return actsAsClient(O.W);
        });
        if (!AsClient)
          continue;
        llvm::ArrayRef<const Expr *> Args = callArgs(C);
        for (int I : {Op->NameArg, Op->NameArg2}) {
          if (I < 0 || unsigned(I) >= Args.size() || A.isFixedName(Args[I]))
            continue;
          if (auto K = Data.destination(Args[I])) {
            const auto *VD = dyn_cast_or_null<VarDecl>(K->Root);
            if (VD && VD->hasGlobalStorage())
              continue;
            ClientDataOrigin O;
            O.K = ClientDataOrigin::UsedAsClient;
            O.Loc = C->getBeginLoc();
            O.Name = FunctionRun::displayName(C);
            Data.add(FD, *K, O);
          }
        }
      }
    derive();
  }

  /// Derivations inside each function, and what callers pass to their callees.
  void derive() {
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const FunctionDecl *FD : A.AllFunctions) {
        const FunctionText &T = Texts[FD];
        while (propagateWithin(A, Data, &Derived, FD, T))
          Changed = true;
        for (const Expr *C : T.Calls) {
          const FunctionDecl *Def = A.definitionOf(A.calleeOf(C));
          if (!Def || !Texts.count(Def))
            continue;
          llvm::ArrayRef<const Expr *> Args = argsForParams(C, Def);
          for (unsigned I = 0; I < Args.size() && I < Def->getNumParams(); ++I)
            if (Data.origin(FD, Args[I])) {
              ClientDataOrigin O = paramOrigin(Def->getParamDecl(I), ClientDataOrigin::PassedIn);
              O.PassedAt = Args[I]->getBeginLoc();
              PathKey K;
              K.Root = Def->getParamDecl(I);
              Changed |= Data.add(Def, K, O);
            }
        }
      }
    }
  }

  /// Whether every buffer \p Name reads was last written, before \p Access in the source,
  /// with nothing of the client's: a buffer that held the client's path and then the
  /// service's own log name (the client data itself is tracked per function).
  bool overwrittenWithServiceData(const FunctionDecl *FD, const Expr *Name, const Expr *Access) {
    const FunctionText &T = Texts[FD];
    SourceLocation At = Access->getBeginLoc();
    auto before = [&](SourceLocation L) { return A.SM.isBeforeInTranslationUnit(L, At); };
    llvm::SmallVector<PathKey, 4> Keys = Data.keys(Name);
    if (Keys.empty())
      return false;
    for (const PathKey &K : Keys) {
      auto same = [&](const std::optional<PathKey> &D) {
        return D && D->Root == K.Root && D->Steps == K.Steps;
      };
      SourceLocation Last;
      bool Clean = false;
      auto write = [&](SourceLocation L, bool IsClean) {
        if (before(L) && (Last.isInvalid() || A.SM.isBeforeInTranslationUnit(Last, L))) {
          Last = L;
          Clean = IsClean;
        }
      };
      for (const auto &[Dest, From] : T.Flows)
        if (Dest.Root == K.Root && Dest.Steps == K.Steps)
          write(From->getBeginLoc(), !Data.origin(FD, From));
      for (const Expr *C : T.Calls) {
        llvm::ArrayRef<const Expr *> CallArgs = callArgs(C);
        const auto *CE = dyn_cast<CallExpr>(C);
        const PropagationEntry *P = CE ? A.Apis.propagation(CE) : nullptr;
        const FunctionDecl *Callee = A.calleeOf(C);
        for (unsigned I = 0; I < CallArgs.size(); ++I) {
          if (!same(Data.destination(CallArgs[I])))
            continue;
          if (P && int(I) == P->DestArg) {
            int LastSource = P->LastSource < 0 ? int(CallArgs.size()) - 1 : P->LastSource;
            bool FromClient = false;
            for (int J = P->FirstSource; J <= LastSource && unsigned(J) < CallArgs.size(); ++J)
              FromClient |= Data.origin(FD, CallArgs[J]) != nullptr;
            write(C->getBeginLoc(), P->Overwrites && !FromClient);
            continue;
          }
          // Any other call that may write through the argument writes what it likes.
          QualType Param = Callee && I < Callee->getNumParams()
                               ? Callee->getParamDecl(I)->getType()
                               : CallArgs[I]->getType();
          if (writesThrough(Param))
            write(C->getBeginLoc(), false);
        }
      }
      if (Last.isInvalid() || !Clean)
        return false;
    }
    return true;
  }

  /// Whether \p Access follows, in \p FD, an access check made with the client's token
  /// whose verdict the function tests (AccessCheck, AuthzAccessCheck, PrivilegeCheck).
  bool brokered(const FunctionDecl *FD, const Expr *Access) {
    const FunctionText &T = Texts[FD];
    auto before = [&](const Stmt *X, const Stmt *Y) {
      return A.SM.isBeforeInTranslationUnit(X->getBeginLoc(), Y->getBeginLoc());
    };
    // Whether a condition after \p From reads the object \p Verdict names, or contains
    // \p Call itself.
    auto tested = [&](const Expr *From, const Expr *Verdict, const Expr *Call) {
      for (const Expr *Cond : T.Conditions) {
        if (before(Cond, From) && Cond->getBeginLoc() != From->getBeginLoc())
          continue;
        llvm::SmallVector<const Stmt *, 16> Work{Cond};
        while (!Work.empty()) {
          const Stmt *S = Work.pop_back_val();
          if (!S)
            continue;
          if (S == Call)
            return true;
          if (const auto *E = dyn_cast<Expr>(S); E && Verdict && sameObject(E, Verdict, A.Ctx))
            return true;
          for (const Stmt *Child : S->children())
            Work.push_back(Child);
        }
      }
      return false;
    };
    for (const Expr *C : T.Calls) {
      if (!before(C, Access))
        break;
      const auto *CE = dyn_cast<CallExpr>(C);
      const AccessCheckEntry *Check = CE ? A.Apis.accessCheck(CE) : nullptr;
      if (!Check)
        continue;
      if (Check->VerdictArg >= 0 && unsigned(Check->VerdictArg) < CE->getNumArgs()) {
        const Expr *V = stripName(CE->getArg(Check->VerdictArg));
        if (const auto *UO = dyn_cast<UnaryOperator>(V); UO && UO->getOpcode() == UO_AddrOf)
          V = UO->getSubExpr();
        if (tested(CE, V, nullptr))
          return true;
      } else if (tested(CE, nullptr, CE)) {
        return true;
      } else {
        for (const FunctionText::Store &St : T.Stores)
          if (stripName(St.RHS) == CE &&
              ((St.LHS && tested(CE, St.LHS, nullptr)) ||
               (St.Var && llvm::any_of(T.Conditions, [&](const Expr *Cond) {
                  return referencesVar(Cond, St.Var);
                }))))
            return true;
      }
    }
    return false;
  }
  static bool referencesVar(const Stmt *S, const VarDecl *V) {
    if (!S)
      return false;
    if (const auto *DR = dyn_cast<DeclRefExpr>(S); DR && DR->getDecl() == V)
      return true;
    return llvm::any_of(S->children(), [&](const Stmt *C) { return referencesVar(C, V); });
  }

  /// Then the accesses to client-named objects made while not acting as the client.
  void reportAccesses(OperationReport &R) {
    for (const FunctionDecl *FD : A.AllFunctions) {
      const FunctionText &T = Texts[FD];
      for (const Expr *C : T.Calls) {
        const OperationEntry *Op = A.Apis.operation(C);
        if (!Op || !Op->isAccess())
          continue;
        PrimaryAccess Acc;
        Acc.Call = C;
        Acc.Api = FunctionRun::displayName(C);
        llvm::ArrayRef<const Expr *> Args = callArgs(C);
        for (int I : {Op->NameArg, Op->NameArg2})
          if (I >= 0 && unsigned(I) < Args.size() && !Acc.Origin)
            if (const ClientDataOrigin *O = Data.origin(FD, Args[I], C->getBeginLoc()))
              if (!overwrittenWithServiceData(FD, Args[I], C))
                Acc.Origin = *O;
        // The current user's hive, profile, credentials: the client's objects by their
        // nature.
        const auto *AccCall = dyn_cast<CallExpr>(C);
        Acc.ThreadIdentityObject = !Acc.Origin && Op->NameArg < 0 && AccCall &&
                                   Handler[FD] &&
                                   A.Apis.reachesThreadIdentityObject(AccCall, A.Ctx);
        Acc.ClientNamed = Acc.Origin.has_value() || Acc.ThreadIdentityObject;
        if (!Acc.ClientNamed && !(StrictMode && Handler[FD]))
          continue;
        // A broker: the service decided for the client with the client's token and acts
        // with its own on purpose.
        if (brokered(FD, C))
          continue;
        // Data a caller passed in counts where that caller does not act as the client: the
        // taint follows the calling context, like the identity. The caller's observation
        // then explains the identity.
        auto better = [](const Observation *Old, const Observation &New) {
          return !Old || (Old->FailedBegin && !New.FailedBegin);
        };
        auto callerNotAsClient = [&](const ParmVarDecl *P) -> const Observation * {
          unsigned Index = P->getFunctionScopeIndex();
          const Observation *Found = nullptr;
          for (const Edge &E : Callers[FD]) {
            llvm::ArrayRef<const Expr *> CallArgs = argsForParams(E.Call, FD);
            if (Index >= CallArgs.size() || !Data.origin(E.Caller, CallArgs[Index]))
              continue;
            for (const Observation &O : observed(E.Caller, E.Call))
              if ((notClient(O.W) || (O.W == Who::Entry && EntryNotClient[E.Caller])) &&
                  better(Found, O))
                Found = &O;
          }
          return Found;
        };
        bool PassedIn = Acc.Origin && Acc.Origin->K == ClientDataOrigin::PassedIn;
        // The observation that explains the identity, and whether a failed begin (here
        // or in the caller) is why the service's token is in force.
        const Observation *Chosen = nullptr;
        bool ChosenViaFailure = false;
        for (const Observation &O : observed(FD, C)) {
          if (!(notClient(O.W) || (O.W == Who::Entry && EntryNotClient[FD])))
            continue;
          const Observation *Why = &O;
          if (O.W == Who::Entry && PassedIn) {
            Why = callerNotAsClient(Acc.Origin->Param);
            if (!Why)
              continue;
          }
          bool ViaFailure = O.FailedBegin || Why->FailedBegin;
          if (!Chosen || (ChosenViaFailure && !ViaFailure)) {
            Chosen = Why;
            ChosenViaFailure = ViaFailure;
          }
        }
        if (!Chosen)
          continue;
        Acc.OnlyAfterFailedBegin = ChosenViaFailure;
        if (Chosen->EndSite) {
          Acc.Note = PrimaryAccess::EndedAt;
          const auto *Scope = dyn_cast<CompoundStmt>(Chosen->EndSite);
          Acc.NoteLoc = Scope ? Scope->getRBracLoc() : Chosen->EndSite->getBeginLoc();
        } else if (Chosen->W == Who::Entry && !Chosen->FailedBegin) {
          for (const Expr *Later : T.Calls) {
            const auto *LC = dyn_cast<CallExpr>(Later);
            const ApiEntry *Api = LC ? A.Apis.lookup(LC) : nullptr;
            if (Api && Api->Role == ApiRole::Begin && Api->Identity == IdentityKind::Client &&
                A.SM.isBeforeInTranslationUnit(C->getBeginLoc(), LC->getBeginLoc())) {
              Acc.Note = PrimaryAccess::BeginsLaterAt;
              Acc.NoteLoc = LC->getBeginLoc();
              break;
            }
          }
        }
        R.Accesses.push_back(std::move(Acc));
      }
    }
  }

  Impl &A;
  bool StrictMode;
  std::optional<llvm::Regex> Handlers;
  std::map<const FunctionDecl *, FunctionText> Texts;
  Derivations Derived;
  ClientData Data;
  llvm::DenseMap<const FunctionDecl *, bool> ParamsFromClient, Handler;
  std::map<const FunctionDecl *, std::vector<Edge>> Callers;
  llvm::DenseMap<const FunctionDecl *, bool> EntryNotClient;
  llvm::DenseMap<const FunctionDecl *, Edge> EntryClient; // a call made as the client
};

} // namespace

OperationReport TranslationUnitAnalysis::Impl::computeOperations(const OperationQuery &Query) {
  return OperationPass(*this, Query).run();
}

} // namespace clang::tidy::impersonation
