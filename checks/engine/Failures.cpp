// Failed begins and what follows them: what a few library functions return on the failure
// path, which calls are work the function does for its caller, and the three ways a failure
// becomes an unchecked-result finding (work the success path does as the client, a revert
// reached after work, a begin that cannot succeed). Part of FunctionRun (FunctionRun.h).
#include "engine/FunctionRun.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include <limits>

namespace clang::tidy::impersonation::detail {

// What a few library functions return, as far as it matters to the failure paths:
// GetLastError() after a failed begin is an error code (not 0), and HRESULT_FROM_WIN32
// of an error code is a failure.
std::optional<AbsVal> FunctionRun::modelledResult(const CallExpr *C, const State &St) const {
  ModelledCall M = modelledCall(C->getDirectCallee());
  if (M == ModelledCall::GetLastError && C->getNumArgs() == 0 && St.FailedBegin &&
      !St.Id.impersonating())
    return AbsVal::range(1, 0xFFFF);
  if ((M == ModelledCall::HResultFromWin32 || M == ModelledCall::HResultFromNt) &&
      C->getNumArgs() == 1) {
    AbsVal V = eval(C->getArg(0), St);
    if (V.isExactly(0) && M == ModelledCall::HResultFromWin32)
      return AbsVal::exact(0);
    if (V.Lo > 0 || (M == ModelledCall::HResultFromNt && V.Hi < 0))
      return AbsVal::range(std::numeric_limits<int32_t>::min(), -1);
  }
  return std::nullopt;
}

// Work: a protected operation, a call of a function of the file that performs one, or a
// call the engine cannot see into of the service's own code (declared outside system
// headers: real services reach their files through helpers in other files). Neutral
// functions, impersonation APIs and the standard library are not work.
bool FunctionRun::isWork(const Expr *Call) const {
  if (A.Apis.operation(Call))
    return true;
  const auto *C = dyn_cast<CallExpr>(Call);
  if (!C || isa<CXXOperatorCallExpr>(C))
    return false;
  const FunctionDecl *F = C->getDirectCallee();
  if (!F || A.Apis.lookup(C))
    return false;
  auto [It, New] = A.WorkCallees.try_emplace(F->getCanonicalDecl(), false);
  if (!New)
    return It->second;
  bool Work = false;
  if (!A.Apis.isNeutral(F) && ApiModel::stdName(F).empty()) {
    if (const FunctionDecl *Def = A.definitionOf(F))
      Work = A.operationsOf(Def).Any;
    else
      Work = !A.SM.isInSystemHeader(F->getCanonicalDecl()->getLocation()) &&
             !isLoggingOrNativeApi(F);
  }
  A.WorkCallees[F->getCanonicalDecl()] = Work;
  return Work;
}

// printf-style functions and the service's own tracing (TraceEvent, LogError,
// debug_printf, DbgOut), what a failure branch that "only logs" calls; and the native API
// (Nt*, Zw*, Rtl*), system calls even where the project declares them itself.
bool FunctionRun::isLoggingOrNativeApi(const FunctionDecl *F) {
  if (F->isVariadic())
    return true;
  if (!F->getIdentifier())
    return false;
  llvm::StringRef N = F->getName();
  for (llvm::StringRef Prefix : {"Nt", "Zw", "Rtl"})
    if (N.size() > Prefix.size() && N.starts_with(Prefix) && isUppercase(N[Prefix.size()]))
      return true;
  std::string Name = F->getName().lower();
  for (const char *Word : {"log", "trace", "print", "dbg", "debug"})
    if (Name.find(Word) != std::string::npos)
      return true;
  return false;
}

// A begin that failed and the code going on with work the success path does as the
// client: recorded here, confirmed in finish() once the whole function has been seen.
void FunctionRun::noteWork(const Expr *Call, State &St) {
  if (!St.FailedBegin && !St.Id.impersonating())
    return;
  if (!isWork(Call)) {
    // After a tested failure, a call that is not work and not logging (an error setter,
    // a cleanup, a fallback) is the code acting on it.
    if (St.FailedBegin && St.FailureKnown && !St.FailureActedOn)
      if (const auto *C = dyn_cast<CallExpr>(Call))
        if (const FunctionDecl *F = C->getDirectCallee();
            F && !A.Apis.isNeutral(F) && !isLoggingOrNativeApi(F) && !A.Apis.lookup(C))
          St.FailureActedOn = true;
    return;
  }
  if (St.Id.impersonating()) {
    auto &Sites = ActedAsClientAt[Call];
    forEachBeginTuple(St, [&](const BeginTuple &B) { Sites.insert(B.Site); });
    return;
  }
  if (!St.FailedBegin)
    return;
  if (!St.FailedWork)
    St.FailedWork = Call;
  // A failure tested and then acted on (an error code set, a fallback called) is the
  // code's decision; one only logged, or never tested, is not.
  if (!St.FailureKnown || !St.FailureActedOn)
    forEachBegin(St, [&](const State &V) {
      bool Seen = llvm::any_of(FailedWorkSeen, [&](const FailedWorkCandidate &W) {
        return W.Begin == V.FailedBegin && W.Call == Call;
      });
      if (!Seen)
        FailedWorkSeen.push_back({V.FailedBegin, Call, V.Witness});
    });
}

// Fail-open by belief: the path on which the begin failed did work and then reverts, so
// the code believed it was impersonating (`if (Impersonate(...)) goto done;`).
void FunctionRun::failureReachesRevert(const State &Merged) {
  if (!Merged.FailedBegin || !Merged.FailedWork || Merged.Id.impersonating())
    return;
  forEachBegin(Merged, [&](const State &St) {
    recordUnchecked(St.FailedBegin, St.FailedWork, displayName(St.FailedWork),
                    witnessNotes(St.Witness, St.FailedBegin, Trace::Failure));
  });
}

void FunctionRun::confirmFailedWork() {
  for (const FailedWorkCandidate &W : FailedWorkSeen) {
    // Work the success path does as the client; for a begin that cannot succeed, any.
    auto It = ActedAsClientAt.find(W.Call);
    if (!NeverSucceeds.count(W.Begin) &&
        (It == ActedAsClientAt.end() || !It->second.count(W.Begin)))
      continue;
    recordUnchecked(W.Begin, W.Call, displayName(W.Call),
                    witnessNotes(W.Witness, W.Begin, Trace::Failure));
  }
}

bool FunctionRun::isTruthValue(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (E->getType()->isBooleanType())
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->isComparisonOp() || BO->isLogicalOp();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_LNot;
  return false;
}

// A token kept from before the current request: a global, a member, what a getter
// without arguments returns (cygheap->user.primary_token()).
bool FunctionRun::isKeptToken(const Expr *Tok) {
  // Where an object path starts: a global or `this` is kept state; a parameter or a local
  // (a request's `job->token`) is the current request's.
  auto keptBase = [](const Expr *E) {
    while (true) {
      E = E->IgnoreParenCasts();
      if (isa<CXXThisExpr>(E))
        return true;
      if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
        const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
        return VD && VD->hasGlobalStorage();
      }
      if (const auto *ME = dyn_cast<MemberExpr>(E))
        E = ME->getBase();
      else if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref)
        E = UO->getSubExpr();
      else
        return false;
    }
  };
  const Expr *E = Tok->IgnoreParenCasts();
  if (isa<DeclRefExpr, MemberExpr>(E))
    return keptBase(E);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return MC->getNumArgs() == 0 && keptBase(MC->getImplicitObjectArgument());
  if (const auto *C = dyn_cast<CallExpr>(E))
    return C->getNumArgs() == 0 && C->getDirectCallee() &&
           !C->getDirectCallee()->getReturnType()->isVoidType();
  return false;
}

void FunctionRun::recordUnchecked(const Stmt *Begin, const Expr *Op, std::string OpName,
                                  std::vector<PathNote> Witness) {
  auto [It, New] = A.UncheckedFound.try_emplace(Begin);
  if (!New)
    return;
  A.UncheckedOrder.push_back(Begin);
  UncheckedBegin &U = It->second;
  U.BeginSite = Begin;
  U.Operation = Op;
  U.OperationName = std::move(OpName);
  U.Witness = std::move(Witness);
}

} // namespace clang::tidy::impersonation::detail
