// FunctionRun's transfer functions: what a statement, a call or a construction does to
// the states. A begin splits a state into success and failure, ends and terminators end
// it, a call of a function of the translation unit applies its summary for the caller's
// calling context, an unknown call forgets what it may write.
#include "engine/FunctionRun.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::impersonation::detail {

bool FunctionRun::isCurrentThread(const Expr *E, const State &St) const {
  AbsVal V = eval(E, St);
  return V.isExactly(-2);
}

bool FunctionRun::isCurrentProcess(const Expr *E, const State &St) const {
  AbsVal V = eval(E, St);
  return V.isExactly(-1);
}

void FunctionRun::noteActed(const State &Merged, const Expr *Call) {
  if (!Merged.Id.impersonating() || !Merged.Id.Own)
    return;
  forEachBeginTuple(Merged, [&](const BeginTuple &B) {
    if (B.Site != Call)
      ActedSites.insert(B.Site);
  });
}

void FunctionRun::markFailedBegin(State &St, const Expr *Call, const ApiEntry &Api) {
  AbsVal Failed = conventionResult(Api.Conv, false);
  // Only a failed impersonation of someone else leaves the service's token where the code
  // meant the client's; ImpersonateSelf failing changes no identity.
  if (Api.Identity != IdentityKind::Self) {
    Failed.Failed = true;
    St.FailedBegin = Call;
    St.FailureKnown = false;
    St.FailedWork = nullptr;
    St.FailureActedOn = false;
    St.Witness = extend(St.Witness, Call, Trace::Failure);
  }
  St.setTemp(Call, Failed);
}

std::string FunctionRun::displayName(const Expr *Call) {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Call)) {
    // The name the code wrote: std::ifstream rather than std::basic_ifstream.
    if (const auto *TT = CE->getType()->getAs<TypedefType>()) {
      std::string Std = ApiModel::stdName(TT->getDecl());
      if (!Std.empty())
        return "std::" + Std;
    }
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    std::string Std = ApiModel::stdName(RD);
    return Std.empty() ? RD->getNameAsString() : "std::" + Std;
  }
  if (const auto *C = dyn_cast<CallExpr>(Call))
    if (const FunctionDecl *F = C->getDirectCallee()) {
      std::string Std = ApiModel::stdName(F);
      return Std.empty() ? F->getNameAsString() : "std::" + Std;
    }
  return "the call";
}

void FunctionRun::observe(const Expr *Call, const State &Merged, llvm::StringRef OpName,
                          bool OpFixed) {
  forEachBegin(Merged, [&](const State &St) { observeOne(Call, St, OpName, OpFixed); });
}

void FunctionRun::observeOne(const Expr *Call, const State &St, llvm::StringRef OpName,
                             bool OpFixed) {
  Impl::Observation O{St.Id.W, St.Id.Site, St.EndSite, St.FailedBegin, St.FailureKnown};
  auto &Seen = A.CallObservations[Call];
  if (!llvm::is_contained(Seen, O))
    Seen.push_back(O);
  if (OpName.empty())
    return;
  if (St.Id.W == Who::Entry)
    Out.OperatesAtEntry = true;
  // The begin failed and the code goes on: unnoticed, or noticed but acting on an object
  // that is not the service's own anyway (fail-open, a test in the wrong sense).
  if (!St.FailedBegin || St.Id.impersonating() || (St.FailureKnown && OpFixed))
    return;
  if (!A.UncheckedFound.count(St.FailedBegin))
    recordUnchecked(St.FailedBegin, Call, OpName.str(),
                    witnessNotes(St.Witness, St.FailedBegin, Trace::Failure));
}

std::optional<PathKey> FunctionRun::objectOf(const CXXMemberCallExpr *MC) const {
  const Expr *Obj = MC->getImplicitObjectArgument();
  std::optional<PathKey> K;
  if (isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
    K = PathKey{};
  else
    K = pathOf(Obj);
  if (K && Obj->getType()->isPointerType())
    K->Steps.push_back(nullptr); // the object `p->m()` and `this->m()` act on
  return K;
}

void FunctionRun::opaqueCall(const Expr *Call, State &St) const {
  // A call may write whatever its arguments point to, and any global.
  llvm::ArrayRef<const Expr *> Args = callArgs(Call);
  const FunctionDecl *Callee = A.calleeOf(Call);
  // A function of the file that takes no part in impersonation writes only through the
  // parameters it writes through.
  const FunctionDecl *Def = A.definitionOf(Callee);
  for (unsigned I = 0; I < Args.size(); ++I) {
    // What the argument was converted to says whether the callee may write through it: a
    // pointer to const is read.
    QualType Passed = Args[I]->getType();
    if (Passed->isPointerType() && Passed->getPointeeType().isConstQualified())
      continue;
    if (Def && I < Def->getNumParams() && !A.writesThroughParam(Def, I))
      continue;
    const Expr *Arg = Args[I]->IgnoreParenCasts();
    bool ByRef = Callee && I < Callee->getNumParams() &&
                 Callee->getParamDecl(I)->getType()->isReferenceType() &&
                 !Callee->getParamDecl(I)->getType().getNonReferenceType().isConstQualified();
    if (const auto *UO = dyn_cast<UnaryOperator>(Arg); UO && UO->getOpcode() == UO_AddrOf) {
      if (auto K = pathOf(UO->getSubExpr()))
        kill(St, *K);
      continue;
    }
    if (auto K = pathOf(Arg)) {
      if (ByRef) {
        kill(St, *K);
      } else if (Arg->getType()->isPointerType() &&
                 !Arg->getType()->getPointeeType().isConstQualified()) {
        K->Steps.push_back(nullptr);
        kill(St, *K);
      }
    }
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (const CXXMethodDecl *MD = MC->getMethodDecl(); MD && !MD->isConst())
      if (auto Obj = objectOf(MC))
        kill(St, *Obj);
  // Globals are left alone: a service's flags are not written behind its back by the
  // library functions it calls (and summarized callees report their own writes).
}

namespace {
// The calling context of a callee: facts on its parameters, what they point to, its
// object and tracked globals, taken from the caller's state.
struct ArgBinding {
  PathKey CallerBase; // caller path the parameter stands for (its value, or its pointee)
  bool HasBase = false;
  bool AddressOf = false; // argument was &path: callee [p, deref, ...] == caller path
  AbsVal Value;           // the argument's value
};
} // namespace

void FunctionRun::applySummary(const Expr *Call, const FunctionDecl *Callee, const PathKey *This,
                               State &&St, std::vector<State> &OutStates) {
  Impl::FunctionInfo &CI = A.roots(Callee);
  llvm::ArrayRef<const Expr *> Args = argsForParams(Call, Callee);

  std::vector<std::pair<const ValueDecl *, ArgBinding>> Bindings;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    const ParmVarDecl *P = Callee->getParamDecl(I);
    const Expr *Arg = Args[I];
    ArgBinding B;
    B.Value = eval(Arg, St);
    const Expr *Stripped = Arg->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Stripped); UO && UO->getOpcode() == UO_AddrOf) {
      if (auto K = pathOf(UO->getSubExpr())) {
        B.CallerBase = *K;
        B.HasBase = true;
        B.AddressOf = true;
      }
    } else if (auto K = pathOf(Stripped)) {
      B.CallerBase = *K;
      B.HasBase = true;
    }
    Bindings.push_back({P, B});
  }
  ArgBinding ThisBinding;
  if (This) {
    ThisBinding.CallerBase = *This;
    ThisBinding.HasBase = true;
    ThisBinding.AddressOf = true; // `this` points at the object
  }

  // Map caller facts into the callee's terms.
  auto toCallee = [&](const PathKey &CK, const ValueDecl *Param, const ArgBinding &B)
      -> std::optional<PathKey> {
    if (!B.HasBase || CK.Root != B.CallerBase.Root || B.CallerBase.Mask)
      return std::nullopt;
    PathKey Base = B.CallerBase;
    if (!CK.hasPrefix(Base))
      return std::nullopt;
    PathKey Out;
    Out.Root = Param;
    Out.Mask = CK.Mask;
    if (B.AddressOf)
      Out.Steps.push_back(nullptr);
    else if (CK.Steps.size() == Base.Steps.size() && !CK.Mask)
      return std::nullopt; // the value itself travels as Value
    Out.Steps.append(CK.Steps.begin() + Base.Steps.size(), CK.Steps.end());
    return Out;
  };
  auto toCaller = [&](const PathKey &K, const ArgBinding &B) -> std::optional<PathKey> {
    if (!B.HasBase)
      return std::nullopt;
    PathKey Out = B.CallerBase;
    auto Steps = llvm::ArrayRef(K.Steps);
    if (B.AddressOf) {
      if (Steps.empty() || Steps.front() != nullptr)
        return std::nullopt;
      Steps = Steps.drop_front();
    } else if (Steps.empty() || Steps.front() != nullptr) {
      // Only what a pointer parameter points to comes back; references alias directly.
      bool IsRefParam = K.Root && isa<ParmVarDecl>(K.Root) &&
                        cast<ParmVarDecl>(K.Root)->getType()->isReferenceType();
      if (!IsRefParam)
        return std::nullopt;
    }
    Out.Steps.append(Steps.begin(), Steps.end());
    Out.Mask = K.Mask;
    return Out;
  };

  std::vector<std::pair<KeyId, AbsVal>> Context;
  // Only facts the callee (or what it calls) can read: a field it never names does not
  // change its summary, and every distinct context costs a run.
  const auto &Fields = A.fieldsReadBy(Callee);
  auto readable = [&](const PathKey &K) {
    return llvm::all_of(K.Steps, [&](const FieldDecl *F) { return !F || Fields.count(F); });
  };
  for (const auto &[Param, B] : Bindings) {
    if (!CI.ContextRoots.count(Param))
      continue;
    // A pointer's own value matters only where the callee tests it.
    bool ValueMatters = !Param->getType()->isPointerType() ||
                        CI.TestedParams.count(cast<ParmVarDecl>(Param));
    if (!B.Value.isTop() && ValueMatters)
      Context.push_back({A.Keys.intern(paramKey(Param)), B.Value});
    for (const auto &[K, V] : St.Facts)
      if (auto CK = toCallee(A.Keys.key(K), Param, B); CK && readable(*CK))
        Context.push_back({A.Keys.intern(*CK), V});
  }
  if (This)
    for (const auto &[K, V] : St.Facts)
      if (auto CK = toCallee(A.Keys.key(K), nullptr, ThisBinding); CK && readable(*CK))
        Context.push_back({A.Keys.intern(*CK), V});
  for (const auto &[K, V] : St.Facts)
    if (A.TrackedGlobals.count(A.Keys.key(K).Root))
      Context.push_back({K, V});
  llvm::sort(Context, [](const auto &X, const auto &Y) {
    return X.first != Y.first ? X.first < Y.first : X.second < Y.second;
  });
  Context.erase(std::unique(Context.begin(), Context.end()), Context.end());

  const Summary &Sum = A.summarize(Callee, Context);
  if (Call) {
    Impl::Operations Ops = A.operationsOf(Callee);
    bool Operates = Sum.Unknown ? Ops.Any : Sum.OperatesAtEntry;
    observe(Call, St, Operates ? displayName(Call) : "", Ops.AllFixed);
  }
  noteActed(St, Call);
  if (Sum.Unknown) {
    if (Call)
      Out.Report.DebugNotes.push_back(
          {Call->getBeginLoc(), "the call to '" + Callee->getNameAsString() +
                                    "' has no summary; it is treated as unknown"});
    if (Call)
      opaqueCall(Call, St);
    OutStates.push_back(std::move(St));
    return;
  }

  auto mapOutcome = [&](const Outcome &Raw) {
    // A revert helper that skips its end on a path an outside fact decides is reported in
    // the helper; its callers take it as the end it is meant to be (one root cause, one
    // warning).
    Outcome Skipped;
    if (Sum.Report.SkipsRevert && Raw.Id.W == Who::Entry) {
      Skipped = Raw;
      Skipped.Id = Identity{Who::Service, nullptr, false, false};
    }
    const Outcome &O = Skipped.Id.W == Who::Service ? Skipped : Raw;
    State N = St;
    if (O.Id.W == Who::Service && Call)
      failureReachesRevert(N);
    if (O.Id.W != Who::Entry) {
      // The callee changed the identity: a failure noticed or not before is over.
      N.FailedBegin = nullptr;
      N.FailureKnown = false;
      N.FailedWork = nullptr;
      N.FailureActedOn = false;
      if (O.Id.W == Who::Service)
        N.EndSite = Call ? static_cast<const Stmt *>(Call) : CurrentElementStmt;
      if (O.Id.W == Who::Service && St.Id.W == Who::Entry)
        N.EndedEntry = true;
      Identity Id = O.Id;
      // (Whatever the thread was since: the kept token replaces it.)
      bool PutsBackEntry = Id.Own && Id.Stored && (Sum.BeginWrapper || Sum.Transfers) &&
                           Call && St.Id.W != Who::Entry && St.EndedEntry;
      if (PutsBackEntry) {
        // A wrapper that re-impersonates with the kept token: the entry identity is back.
        Id = Identity{};
        N.EndedEntry = false;
      } else if (Id.Own) {
        if ((Sum.BeginWrapper || Sum.Transfers) && Call) {
          Id.Site = Call; // the wrapper's callers are checked: the call is the begin
          N.Witness = extend(N.Witness, Call, Trace::Begin);
        } else {
          // Reported inside the callee. Which of its begins it was no longer matters
          // here, and forgetting it lets the states of a dispatcher's cases merge.
          Id.Own = false;
          Id.Site = nullptr;
        }
      }
      N.Id = Id;
      N.InCom = false;
    }
    if (O.InCom) {
      N.InCom = true;
      N.ComSaved = O.ComSaved.W == Who::Entry ? St.Id : O.ComSaved;
    }
    // Facts the callee leaves behind in what the caller handed it, and in globals.
    for (const auto &[Param, B] : Bindings) {
      if (!B.HasBase)
        continue;
      bool Writable = B.AddressOf || Param->getType()->isReferenceType() ||
                      (Param->getType()->isPointerType() &&
                       !Param->getType()->getPointeeType().isConstQualified());
      if (!Writable)
        continue;
      PathKey KillPrefix = B.CallerBase;
      if (!B.AddressOf && !Param->getType()->isReferenceType())
        KillPrefix.Steps.push_back(nullptr);
      kill(N, KillPrefix);
      for (const auto &[K, V] : O.Facts)
        if (A.Keys.key(K).Root == Param)
          if (auto CK = toCaller(A.Keys.key(K), B); CK && tracked(*CK))
            N.setFact(A.Keys.intern(*CK), V);
    }
    if (This) {
      // What the callee can write of its object: the fields it (or what it calls) names,
      // and nothing for a const method.
      const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      if (!(Method && Method->isConst()))
        llvm::erase_if(N.Facts, [&](const auto &F) {
          const PathKey &K = A.Keys.key(F.first);
          if (!K.hasPrefix(*This))
            return false;
          for (size_t I = This->Steps.size(); I < K.Steps.size(); ++I)
            if (K.Steps[I] && !Fields.count(K.Steps[I]))
              return false;
          return true;
        });
      for (const auto &[K, V] : O.Facts)
        if (!A.Keys.key(K).Root)
          if (auto CK = toCaller(A.Keys.key(K), ThisBinding); CK && tracked(*CK))
            N.setFact(A.Keys.intern(*CK), V);
    }
    llvm::erase_if(N.Facts, [&](const auto &F) {
      return A.TrackedGlobals.count(A.Keys.key(F.first).Root);
    });
    for (const auto &[K, V] : O.Facts)
      if (A.TrackedGlobals.count(A.Keys.key(K).Root))
        N.setFact(K, V);
    AbsVal Ret = O.Ret;
    // A begin-wrapper's failure is its caller's failed begin, at the call. What it returns
    // then, if the engine cannot tell (HRESULT_FROM_WIN32(GetLastError())), is a failure
    // in the convention its return type names.
    if (O.Failed && (Sum.BeginWrapper || Sum.Transfers) && Call && !Sum.Swallows) {
      N.FailedBegin = Call;
      N.FailureKnown = false;
      N.FailedWork = nullptr;
      N.FailureActedOn = false;
      N.Witness = extend(N.Witness, Call, Trace::Failure);
      if (Ret.isTop())
        Ret = conventionResult(conventionFromReturnType(Callee->getReturnType()), false);
      if (!Ret.isTop())
        Ret.Failed = true;
    }
    if (Call && !Ret.isTop())
      N.setTemp(Call, Ret);
    return N;
  };
  for (const Outcome &O : Sum.Outcomes)
    OutStates.push_back(mapOutcome(O));
  if (!Sum.Throws.empty() && IsCXX && (Call || CurrentElementStmt)) {
    std::vector<State> Thrown;
    for (const Outcome &O : Sum.Throws)
      Thrown.push_back(mapOutcome(O));
    raise(Call ? static_cast<const Stmt *>(Call) : CurrentElementStmt, std::move(Thrown));
  }
}

// An object dies: its destructor, then its members' (a guard whose member's destructor
// reverts reverts when it dies).
void FunctionRun::destroy(const VarDecl *VD,
                          const std::vector<Impl::MemberDestructor> &Dtors,
                          std::vector<State> &States) {
  for (const Impl::MemberDestructor &D : Dtors) {
    PathKey This;
    This.Root = VD;
    This.Steps.append(D.Path.begin(), D.Path.end());
    std::vector<State> Next;
    for (State &S : States)
      applySummary(nullptr, D.Def, &This, std::move(S), Next);
    States = std::move(Next);
  }
}

void FunctionRun::transferCall(const Expr *Call, State &&St, std::vector<State> &OutStates,
                               const PathKey *This) {
  const auto *CE = dyn_cast<CallExpr>(Call);
  const ApiEntry *Api = CE ? A.Apis.lookup(CE) : nullptr;
  if (const OperationEntry *Op = A.Apis.operation(Call))
    observe(Call, St, displayName(Call), A.namesFixedObjects(Call, *Op));
  auto arg = [&](int I) -> const Expr * {
    return CE && I >= 0 && unsigned(I) < CE->getNumArgs() ? CE->getArg(I) : nullptr;
  };
  if (CE)
    if (auto V = modelledResult(CE, St))
      St.setTemp(CE, *V);
  noteWork(Call, St);
  if (Api) {
    switch (Api->Role) {
    case ApiRole::Begin:
    case ApiRole::End: {
      // Calls aimed at another thread leave this one alone.
      if (const Expr *T = arg(Api->ThreadArg)) {
        bool Current = isCurrentThread(T, St) ||
                       (Api->NullThread == ThreadNull::NullIsCurrent && constant(T) == 0);
        if (!Current) {
          opaqueCall(Call, St);
          OutStates.push_back(std::move(St));
          return;
        }
      }
      // NtSetInformationThread counts only for ThreadImpersonationToken (5).
      if ((Api->Name == "NtSetInformationThread" || Api->Name == "ZwSetInformationThread")) {
        auto Class = arg(1) ? constant(arg(1)) : std::nullopt;
        if (!Class || *Class != 5) {
          opaqueCall(Call, St);
          OutStates.push_back(std::move(St));
          return;
        }
      }
      bool IsEnd = Api->Role == ApiRole::End;
      // A token that is a truth value (`hToken != NULL`, a bool) is no token: the begin
      // fails.
      if (const Expr *Tok = arg(Api->TokenArg); Tok && !IsEnd && isTruthValue(Tok)) {
        NeverSucceeds.insert(Call);
        markFailedBegin(St, Call, *Api);
        OutStates.push_back(std::move(St));
        return;
      }
      std::optional<Identity> Restore;
      if (const Expr *Tok = arg(Api->TokenArg); Tok && !IsEnd) {
        const Expr *Val = Tok->IgnoreParenCasts();
        AbsVal V;
        if (const auto *UO = dyn_cast<UnaryOperator>(Val);
            UO && UO->getOpcode() == UO_AddrOf && Tok->getType()->isPointerType() &&
            Api->Family == ApiFamily::Native)
          V = eval(UO->getSubExpr(), St);
        else
          V = eval(Tok, St);
        if (V.isExactly(0)) {
          // A null token ends impersonation where the call sets a thread's token; other
          // begins fail on it.
          if (Api->ThreadArg < 0) {
            markFailedBegin(St, Call, *Api);
            OutStates.push_back(std::move(St));
            return;
          }
          IsEnd = true;
        } else if (V.Token)
          Restore = A.Tokens.get(V.Token);
      }
      if (IsEnd) {
        failureReachesRevert(St);
        if (St.Id.W == Who::Entry && Api->Family != ApiFamily::Com)
          St.EndedEntry = true;
        if (Api->Family == ApiFamily::Com) {
          if (St.InCom)
            St.Id = St.ComSaved;
          St.InCom = false;
        } else {
          St.Id = Identity{Who::Service, nullptr, false, false};
          St.InCom = false;
        }
        St.FailedBegin = nullptr;
        St.FailureKnown = false;
        St.FailedWork = nullptr;
        St.FailureActedOn = false;
        St.EndSite = Call;
        St.setTemp(Call, conventionResult(Api->Conv, true));
        OutStates.push_back(std::move(St));
        return;
      }
      noteActed(St, Call);
      // Failure: nothing changes. Putting the service's saved token back is an end, and
      // ends are taken to succeed, as a revert is (the documented answer to a failed one
      // is to terminate); putting a client's token on the thread is a begin like any other.
      bool RestoresClient = Restore && Restore->impersonating();
      if (Api->Conv != Convention::Void && (!Restore || RestoresClient)) {
        State Fail = St;
        markFailedBegin(Fail, Call, *Api);
        OutStates.push_back(std::move(Fail));
      }
      if (Restore || Api->Identity != IdentityKind::Self) {
        St.FailedBegin = nullptr;
        St.FailureKnown = false;
        St.FailedWork = nullptr;
        St.FailureActedOn = false;
      }
      bool Stored = arg(Api->TokenArg) && isKeptToken(arg(Api->TokenArg));
      if (!Restore && Stored && St.Id.W != Who::Entry && St.EndedEntry) {
        // Run as self for a moment, then back: the token kept from before puts back the
        // identity the function was entered with.
        St.Id = Identity{};
        St.EndedEntry = false;
      } else if (Restore) {
        St.Id = *Restore;
      } else {
        Identity New;
        New.Stored = Stored;
        New.W = Api->Identity == IdentityKind::Self        ? Who::Self
                : Api->Identity == IdentityKind::Anonymous ? Who::Anonymous
                                                            : Who::Client;
        New.Site = Call;
        New.Com = Api->Family == ApiFamily::Com;
        New.Own = true;
        if (New.Com && !St.InCom) {
          St.InCom = true;
          St.ComSaved = St.Id;
        }
        St.Id = New;
        St.Witness = extend(St.Witness, Call, Trace::Begin);
      }
      St.setTemp(Call, conventionResult(Api->Conv, true));
      OutStates.push_back(std::move(St));
      return;
    }
    case ApiRole::Terminator:
      if (Api->TokenArg >= 0) { // TerminateProcess: only of the current process
        if (const Expr *P = arg(Api->TokenArg); P && !isCurrentProcess(P, St)) {
          noteActed(St, Call);
          opaqueCall(Call, St);
          OutStates.push_back(std::move(St));
          return;
        }
      }
      return; // the path ends here
    case ApiRole::TokenCapture: {
      if (const Expr *T = arg(Api->ThreadArg); T && !isCurrentThread(T, St)) {
        opaqueCall(Call, St);
        OutStates.push_back(std::move(St));
        return;
      }
      if (const Expr *OutArg = arg(Api->TokenArg)) {
        const Expr *Stripped = OutArg->IgnoreParenCasts();
        if (const auto *UO = dyn_cast<UnaryOperator>(Stripped); UO && UO->getOpcode() == UO_AddrOf) {
          AbsVal Tok;
          Tok.Token = A.Tokens.intern(St.Id);
          assign(St, UO->getSubExpr(), Tok);
        }
      }
      OutStates.push_back(std::move(St));
      return;
    }
    case ApiRole::ThreadStart:
      noteActed(St, Call);
      opaqueCall(Call, St);
      OutStates.push_back(std::move(St));
      return;
    case ApiRole::Neutral:
      OutStates.push_back(std::move(St));
      return;
    }
  }

  const FunctionDecl *Callee = A.calleeOf(Call);
  if (Callee && A.Apis.isNeutral(Callee)) {
    OutStates.push_back(std::move(St));
    return;
  }
  // A virtual call takes part when an override the file defines does: each override is
  // one way the call can go.
  if (const CXXMethodDecl *V = Impl::virtualTarget(Call); V && A.relevantCallee(Call)) {
    const auto &Targets = A.overridesOf(V);
    if (Targets.size() > 1) {
      std::optional<PathKey> Obj = objectOf(cast<CXXMemberCallExpr>(Call));
      for (const FunctionDecl *Def : Targets) {
        State Copy = St;
        if (A.isRelevant(Def)) {
          applySummary(Call, Def, Obj ? &*Obj : nullptr, std::move(Copy), OutStates);
        } else {
          opaqueCall(Call, Copy);
          OutStates.push_back(std::move(Copy));
        }
      }
      return;
    }
  }
  if (const FunctionDecl *Def = A.relevantCallee(Call)) {
    PathKey ObjKey;
    const PathKey *Obj = This;
    if (!Obj) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
        if (auto K = objectOf(MC)) {
          ObjKey = *K;
          Obj = &ObjKey;
        }
      } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call);
                 OC && isa<CXXMethodDecl>(Def) && OC->getNumArgs() > 0) {
        if (auto K = pathOf(OC->getArg(0))) {
          ObjKey = *K;
          Obj = &ObjKey;
        }
      }
    }
    applySummary(Call, Def, Obj, std::move(St), OutStates);
    return;
  }

  if (const FunctionDecl *Def = A.definitionOf(Callee)) {
    Impl::Operations Ops = A.operationsOf(Def);
    observe(Call, St, Ops.Any ? displayName(Call) : "", Ops.AllFixed);
  }
  noteActed(St, Call);
  opaqueCall(Call, St);
  // Calls that never return: listed terminators were handled above. In C the path ends;
  // in C++ a call that is not noexcept leaves by an exception.
  if (Callee && Callee->isNoReturn()) {
    const auto *FPT = Callee->getType()->getAs<FunctionProtoType>();
    if (IsCXX && !(FPT && FPT->isNothrow())) {
      raise(Call, {std::move(St)});
    }
    return;
  }
  OutStates.push_back(std::move(St));
}

// A call or construction: each state may split (a begin), end (a terminator) or also
// leave for the handlers of an enclosing try.
void FunctionRun::transferCallElement(const Expr *Call, std::vector<State> &States) {
  const PathKey *This = nullptr;
  PathKey Obj;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Call)) {
    // The object under construction: `T v(args);`.
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(rootOf(Call)); DS && DS->isSingleDecl())
      if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl());
          VD && VD->getInit() && VD->getInit()->IgnoreImplicit() == CE) {
        Obj.Root = VD;
        This = &Obj;
      }
  }
  // A call inside a __try or try may leave for the handlers. As under /EHsc, C functions
  // do not throw C++ exceptions; under SEH any call may raise, but not the api table's:
  // those report failure by their result.
  bool IsSeh = false;
  bool MayThrow = false;
  if (enclosingTry(Call, IsSeh)) {
    const FunctionDecl *Callee = A.calleeOf(Call);
    const auto *FPT = Callee ? Callee->getType()->getAs<FunctionProtoType>() : nullptr;
    const auto *CE = dyn_cast<CallExpr>(Call);
    if (IsSeh)
      MayThrow = !(CE && A.Apis.lookup(CE));
    else
      MayThrow = !((FPT && FPT->isNothrow()) || (Callee && Callee->isExternC()));
    // Building the object a `throw` throws: the throw reaches the same handlers.
    const Stmt *Root = rootOf(Call);
    if (const auto *RE = dyn_cast_or_null<Expr>(Root))
      Root = RE->IgnoreImplicit();
    if (isa_and_nonnull<CXXThrowExpr>(Root))
      MayThrow = false;
  }
  AfterCall.clear();
  for (State &St : States) {
    // A call that raises never returned: the handlers see the state before it, and the
    // witness says the path assumed the exception.
    if (MayThrow) {
      State Raised = St;
      Raised.Witness = extend(St.Witness, Call, Trace::Raises);
      raise(Call, {std::move(Raised)});
    }
    transferCall(Call, std::move(St), AfterCall, This);
  }
  States.swap(AfterCall);
}

// A statement that is not a call: it changes facts, never the number of states.
void FunctionRun::transferSimple(const Stmt *S, State &St) {
  // After a tested failure, storing anything (an error code, a status) acts on it.
  if (St.FailedBegin && St.FailureKnown && !St.FailureActedOn &&
      (isa<DeclStmt>(S) || (isa<BinaryOperator>(S) && cast<BinaryOperator>(S)->isAssignmentOp())))
    St.FailureActedOn = true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() == BO_Assign) {
      assign(St, BO->getLHS(), eval(BO->getRHS(), St));
    } else if (BO->isCompoundAssignmentOp()) {
      auto K = pathOf(BO->getLHS());
      auto C = constant(BO->getRHS());
      if (K && C && (BO->getOpcode() == BO_OrAssign || BO->getOpcode() == BO_AndAssign)) {
        // Keep masked facts the operation decides: `f |= F` sets F, `f &= ~F` clears F.
        FactList Keep;
        for (const auto &[Key, V] : St.Facts) {
          const PathKey &PK = A.Keys.key(Key);
          if (PK.Root == K->Root && PK.Steps == K->Steps && PK.Mask) {
            if (BO->getOpcode() == BO_OrAssign && (PK.Mask & uint64_t(*C)) == PK.Mask)
              Keep.push_back({Key, AbsVal::signs(Pos)});
            else if (BO->getOpcode() == BO_AndAssign && (PK.Mask & uint64_t(*C)) == 0)
              Keep.push_back({Key, AbsVal::exact(0)});
            else if (BO->getOpcode() == BO_OrAssign && (PK.Mask & uint64_t(*C)) == 0)
              Keep.push_back({Key, V});
            else if (BO->getOpcode() == BO_AndAssign && (PK.Mask & uint64_t(*C)) == PK.Mask)
              Keep.push_back({Key, V});
          }
        }
        kill(St, *K);
        for (const auto &[Key, V] : Keep)
          St.setFact(Key, V);
        PathKey MK = *K;
        MK.Mask = uint64_t(*C);
        if (BO->getOpcode() == BO_OrAssign && MK.Mask && tracked(MK))
          St.setFact(A.Keys.intern(MK), AbsVal::signs(Pos));
      } else if (K) {
        PathKey U = *K;
        U.Mask = 0;
        kill(St, U);
      }
    }
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    // Taking an address lets anything write through it; as a call's argument, the call
    // itself decides (a summary knows what it writes, an unknown call kills).
    auto Info = G.Index.find(UO);
    bool CallArgument = UO->getOpcode() == UO_AddrOf && Info != G.Index.end() &&
                        Info->second.CallArgument;
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) && !CallArgument) {
      if (auto K = pathOf(UO->getSubExpr()))
        kill(St, *K);
    }
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        PathKey K;
        K.Root = VD;
        const Expr *Init0 = VD->getInit();
        if (!Init0 || !isa<CXXConstructExpr>(Init0->IgnoreImplicit()))
          kill(St, K);
        if (const Expr *Init = VD->getInit(); Init && !VD->getType()->isReferenceType() &&
                                              tracked(K) && !isa<CXXConstructExpr>(Init->IgnoreImplicit()))
          St.setFact(A.Keys.intern(K), eval(Init, St));
      }
  } else if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef) {
        PathKey K;
        K.Root = C.getCapturedVar();
        kill(St, K);
      }
  } else if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    if (const Expr *RV = RS->getRetValue())
      St.setTemp(RS, eval(RV, St));
  }
}

void FunctionRun::transferElement(const CFGElement &E, std::vector<State> &States) {
  std::vector<State> Next;
  if (auto CS = E.getAs<CFGStmt>()) {
    const Stmt *S = CS->getStmt();
    // A new full expression forgets the call results and choices of the previous one.
    // Operands the index does not know (a cast, a literal) belong to the expression
    // being evaluated: they keep its results, as in the arms of a `?:`.
    const Stmt *Root = G.Index.count(S) || SyntheticDecl.count(S) ? rootOf(S) : nullptr;
    for (State &St : States)
      if (Root && St.TempRoot != Root) {
        St.Temps.clear();
        St.TempRoot = Root;
      }
    if (isa<CallExpr, CXXConstructExpr>(S)) {
      transferCallElement(cast<Expr>(S), States);
    } else {
      for (State &St : States)
        transferSimple(S, St);
    }
    return;
  } else if (auto I = E.getAs<CFGInitializer>()) {
    // A member initializer: this->field = init.
    const CXXCtorInitializer *Init = I->getInitializer();
    const FieldDecl *F = Init->getMember();
    if (!F || !Init->getInit())
      return;
    PathKey K;
    K.Steps = {nullptr, F};
    KeyId Id = A.Keys.intern(K);
    for (State &S : States) {
      kill(S, K);
      if (!isa<CXXConstructExpr>(Init->getInit()->IgnoreImplicit()))
        S.setFact(Id, eval(Init->getInit(), S));
      Next.push_back(std::move(S));
    }
  } else if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
    const VarDecl *VD = D->getVarDecl();
    CurrentElementStmt = D->getTriggerStmt();
    const auto *RD = VD->getType()->getAsCXXRecordDecl();
    if (!RD)
      return;
    const auto &Dtors = A.destructorsOf(RD);
    if (Dtors.empty())
      return;
    destroy(VD, Dtors, States);
    return;
  } else {
    return;
  }
  States = std::move(Next);
}

} // namespace clang::tidy::impersonation::detail
