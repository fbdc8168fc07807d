// FunctionRun's view of expressions: constants, tracked keys, the abstract value of an
// expression in a state, and what assuming a branch condition teaches the state (learn,
// assume). Apart from the transfer functions: branches and calls both use it.
#include "engine/FunctionRun.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::impersonation::detail {

std::optional<int64_t> FunctionRun::constant(const Expr *E) const {
  // Constant-ness never changes: fold each expression once per run. Folding recurses
  // into this cache, which may grow: store by key, never through an iterator taken before.
  if (auto It = ConstantCache.find(E); It != ConstantCache.end())
    return It->second;
  std::optional<int64_t> V = computeConstant(E);
  ConstantCache[E] = V;
  return V;
}

// Whether \p E is built only of literals, enumerators and operators on them: the only
// expressions worth handing to clang's (costly) constant evaluator.
static bool looksConstant(const Expr *E) {
  E = E->IgnoreParens();
  if (isa<IntegerLiteral, CharacterLiteral, CXXBoolLiteralExpr, CXXNullPtrLiteralExpr,
          GNUNullExpr, UnaryExprOrTypeTraitExpr>(E))
    return true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(DR->getDecl()))
      return true;
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    return VD && VD->getType().isConstQualified() && VD->hasInit();
  }
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return looksConstant(CE->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf &&
           !UO->isIncrementDecrementOp() && looksConstant(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() && looksConstant(BO->getLHS()) && looksConstant(BO->getRHS());
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return looksConstant(CO->getCond()) && looksConstant(CO->getTrueExpr()) &&
           looksConstant(CO->getFalseExpr());
  if (const auto *CE = dyn_cast<ConstantExpr>(E))
    return looksConstant(CE->getSubExpr());
  return false;
}

std::optional<int64_t> FunctionRun::computeConstant(const Expr *E) const {
  E = E->IgnoreParens();
  if (!looksConstant(E))
    return std::nullopt;
  // Literals, the common case, need no evaluator (integer casts keep the value here).
  const Expr *Lit = E;
  for (const auto *IC = dyn_cast<ImplicitCastExpr>(Lit);
       IC && IC->getCastKind() == CK_IntegralCast; IC = dyn_cast<ImplicitCastExpr>(Lit))
    Lit = IC->getSubExpr()->IgnoreParens();
  if (const auto *IL = dyn_cast<IntegerLiteral>(Lit); IL && IL->getValue().getActiveBits() < 63)
    return static_cast<int64_t>(IL->getValue().getZExtValue());
  if (const auto *CL = dyn_cast<CharacterLiteral>(Lit))
    return static_cast<int64_t>(CL->getValue());
  if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(Lit))
    return BL->getValue() ? 1 : 0;
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  if (E->isNullPointerConstant(A.Ctx, Expr::NPC_ValueDependentIsNotNull))
    return 0;
  const Expr *Stripped = E->IgnoreParenCasts();
  if (isa<DeclRefExpr>(Stripped) && !isa<EnumConstantDecl>(cast<DeclRefExpr>(Stripped)->getDecl())) {
    // A const variable is a constant only when it is not tracked.
    if (pathOf(Stripped))
      return std::nullopt;
  }
  Expr::EvalResult R;
  if (E->getType()->isIntegralOrEnumerationType() || E->getType()->isBooleanType()) {
    if (E->EvaluateAsInt(R, A.Ctx) && R.Val.isInt())
      return R.Val.getInt().getExtValue(); // in its type: (DWORD)-1 is 0xFFFFFFFF
  } else if (E->getType()->isPointerType()) {
    // (HANDLE)-2, (HANDLE)-1: pseudo-handles are integer constants cast to pointers.
    if (const auto *CE = dyn_cast<CastExpr>(E); CE && CE->getCastKind() == CK_IntegralToPointer)
      return constant(CE->getSubExpr());
    if (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
      return constant(CE->getSubExpr());
  }
  return std::nullopt;
}

bool FunctionRun::conditionMatters(const Expr *E) {
  auto [It, New] = MattersCache.try_emplace(E, false);
  if (!New)
    return It->second;
  bool Matters = false;
  llvm::SmallVector<const Stmt *, 16> Work{E};
  while (!Work.empty() && !Matters) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (isa<CallExpr, CXXConstructExpr, CXXThisExpr>(S))
      Matters = true;
    else if (const auto *DR = dyn_cast<DeclRefExpr>(S))
      // Parameters tracked only for what is written through them are not worth a test.
      Matters = A.Info[FD].ContextRoots.count(DR->getDecl()) ||
                A.TrackedGlobals.count(DR->getDecl());
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  MattersCache[E] = Matters;
  return Matters;
}

bool FunctionRun::tracked(const PathKey &K) const {
  return A.Info[FD].tracks(K) || A.TrackedGlobals.count(K.Root);
}

std::optional<KeyId> FunctionRun::keyId(const Expr *E) const {
  auto [It, New] = KeyCache.try_emplace(E, std::nullopt);
  if (New) {
    auto K = pathOf(E);
    if (K && tracked(*K))
      It->second = A.Keys.intern(*K);
  }
  return It->second;
}

/// The pseudo-handle a call returns: -1 for the current process, -2 for the current thread.
static std::optional<int64_t> pseudoHandle(const CallExpr *C) {
  const FunctionDecl *F = C->getDirectCallee();
  if (!F || !F->getIdentifier())
    return std::nullopt;
  llvm::StringRef N = F->getName();
  if (N == "GetCurrentProcess" || N == "NtCurrentProcess")
    return -1;
  if (N == "GetCurrentThread" || N == "NtCurrentThread" || N == "PsGetCurrentThread" ||
      N == "KeGetCurrentThread" || N == "ZwCurrentThread")
    return -2;
  return std::nullopt;
}

AbsVal FunctionRun::eval(const Expr *E, const State &S) const {
  E = E->IgnoreParens();
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return eval(FE->getSubExpr(), S);
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    AbsVal V = eval(CE->getSubExpr(), S);
    if (CE->getCastKind() == CK_IntegralToBoolean || CE->getCastKind() == CK_PointerToBoolean)
      return V.Token ? V : AbsVal::boolean(V.truth());
    if (CE->getCastKind() == CK_IntegralCast && !V.Token)
      return inType(V, CE->getType());
    return V;
  }
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return eval(MT->getSubExpr(), S);
  if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E))
    return eval(DI->getExpr(), S);
  if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
    return eval(DA->getExpr(), S);
  if (auto C = constant(E))
    return AbsVal::exact(*C);
  if (const AbsVal *T = S.temp(E))
    return *T;
  // GetCurrentProcess(), GetCurrentThread(): also when stored in a variable first.
  if (const auto *C = dyn_cast<CallExpr>(E))
    if (auto Pseudo = pseudoHandle(C))
      return AbsVal::exact(*Pseudo);
  if (auto K = keyId(E)) {
    if (const AbsVal *V = S.fact(*K))
      return *V;
    return AbsVal::top();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_LNot) {
      Tri T = truth(UO->getSubExpr(), S);
      return AbsVal::boolean(T == Tri::Unknown ? T : T == Tri::True ? Tri::False : Tri::True);
    }
    return AbsVal::top();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    switch (BO->getOpcode()) {
    case BO_Assign:
      return eval(BO->getRHS(), S);
    case BO_Comma:
      return eval(BO->getRHS(), S);
    case BO_LAnd:
    case BO_LOr: {
      bool IsAnd = BO->getOpcode() == BO_LAnd;
      Tri L = truth(BO->getLHS(), S);
      if (const AbsVal *Choice = S.temp(choiceKey(BO)))
        L = Choice->truth();
      if (L == (IsAnd ? Tri::False : Tri::True))
        return AbsVal::boolean(L);
      Tri R = truth(BO->getRHS(), S);
      if (L == Tri::Unknown)
        return AbsVal::boolean(R == (IsAnd ? Tri::False : Tri::True) ? R : Tri::Unknown);
      return AbsVal::boolean(R);
    }
    case BO_LT:
    case BO_GT:
    case BO_LE:
    case BO_GE:
    case BO_EQ:
    case BO_NE: {
      if (auto Cmp = asComparisonWithConstant(BO, S))
        return AbsVal::boolean(compareWithConstant(eval(Cmp->Operand, S), Cmp->Op, Cmp->Value));
      return AbsVal::boolean(Tri::Unknown);
    }
    case BO_Or:
    case BO_And:
    case BO_Add:
    case BO_Sub: {
      // What error codes are built of: `(x & 0xFFFF) | 0x80070000` is negative as an
      // HRESULT, whatever x was.
      QualType T = BO->getType();
      if (!T->isIntegerType())
        return AbsVal::top();
      const Expr *Other = BO->getLHS();
      auto C = constant(BO->getRHS());
      if (!C && BO->getOpcode() != BO_Sub) {
        C = constant(BO->getLHS());
        Other = BO->getRHS();
      }
      if (!C)
        return AbsVal::top();
      return arithmeticWithConstant(eval(Other, S), BO->getOpcode(), *C,
                                    A.Ctx.getIntWidth(T), T->isSignedIntegerOrEnumerationType());
    }
    default:
      return AbsVal::top();
    }
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Tri C = truth(CO->getCond(), S);
    if (const AbsVal *Choice = S.temp(choiceKey(CO)))
      C = Choice->truth();
    if (C == Tri::True)
      return eval(CO->getTrueExpr(), S);
    if (C == Tri::False)
      return eval(CO->getFalseExpr(), S);
    return AbsVal::top();
  }
  return AbsVal::top();
}

std::optional<FunctionRun::Comparison>
FunctionRun::asComparisonWithConstant(const BinaryOperator *BO, const State &S) const {
  auto Op = BO->getOpcode();
  auto Reversed = BinaryOperator::reverseComparisonOp(Op);
  if (auto C = constant(BO->getRHS()))
    return Comparison{BO->getLHS(), Op, *C};
  if (auto C = constant(BO->getLHS()))
    return Comparison{BO->getRHS(), Reversed, *C};
  // A side whose value this path knows exactly (a flag set to 1) counts as a constant.
  if (AbsVal R = eval(BO->getRHS(), S); R.isExact())
    return Comparison{BO->getLHS(), Op, R.exactValue()};
  if (AbsVal L = eval(BO->getLHS(), S); L.isExact())
    return Comparison{BO->getRHS(), Reversed, L.exactValue()};
  return std::nullopt;
}

AbsVal FunctionRun::inType(const AbsVal &V, QualType T) const {
  if (T->isBooleanType())
    return AbsVal::boolean(V.truth());
  if (!T->isIntegralOrEnumerationType())
    return V;
  return V.convertedTo(A.Ctx.getIntWidth(T), T->isSignedIntegerOrEnumerationType());
}

bool FunctionRun::keepsValues(QualType From, QualType To) const {
  if (!From->isIntegralOrEnumerationType() || !To->isIntegralOrEnumerationType())
    return true;
  if (To->isBooleanType())
    return From->isBooleanType();
  unsigned FW = A.Ctx.getIntWidth(From), TW = A.Ctx.getIntWidth(To);
  bool FS = From->isSignedIntegerOrEnumerationType(), TS = To->isSignedIntegerOrEnumerationType();
  if (From->isBooleanType())
    return true;
  return FS == TS ? TW >= FW : (!FS && TS && TW > FW);
}

bool FunctionRun::learn(State &S, const Expr *E, unsigned Op, int64_t C, bool Outcome) const {
  E = E->IgnoreParens();
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return learn(S, FE->getSubExpr(), Op, C, Outcome);
  if (const auto *CE = dyn_cast<CastExpr>(E);
      CE && CE->getCastKind() != CK_IntegralToBoolean && CE->getCastKind() != CK_PointerToBoolean) {
    // What holds of the converted value holds of the operand when the conversion keeps
    // every value; otherwise the test only says whether this path is possible.
    if (CE->getCastKind() != CK_IntegralCast || keepsValues(CE->getSubExpr()->getType(), CE->getType()))
      return learn(S, CE->getSubExpr(), Op, C, Outcome);
    return assumeComparison(eval(E, S), Op, C, Outcome).has_value();
  }
  AbsVal V = eval(E, S);
  std::optional<AbsVal> N = assumeComparison(V, Op, C, Outcome);
  if (!N)
    return false;
  if (V.Failed)
    S.FailureKnown = true; // the code looked at the failed result
  N->Failed = false;
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Assign) {
    if (auto K = keyId(BO->getLHS()))
      S.setFact(*K, *N);
    return learn(S, BO->getRHS(), Op, C, Outcome);
  }
  if (S.temp(E)) {
    S.setTemp(E, *N);
    return true;
  }
  if (auto K = keyId(E)) {
    S.setFact(*K, *N);
    return true;
  }
  // A boolean-valued expression compared with a constant: `!x == 0`, `(a < 0) == 1`.
  const auto *BoolOp = dyn_cast<BinaryOperator>(E);
  bool Decomposable = (BoolOp && (BoolOp->isComparisonOp() || BoolOp->isLogicalOp())) ||
                      (isa<UnaryOperator>(E) && cast<UnaryOperator>(E)->getOpcode() == UO_LNot);
  if (Decomposable && (Op == BO_EQ || Op == BO_NE) && (C == 0 || C == 1)) {
    bool Truth = (Op == BO_EQ) == (C == 1);
    return assume(S, E, Truth == Outcome);
  }
  return true;
}

bool FunctionRun::assume(State &S, const Expr *E, bool Outcome) const {
  E = E->IgnoreParens();
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return assume(S, FE->getSubExpr(), Outcome);
  if (const auto *CE = dyn_cast<ImplicitCastExpr>(E))
    return assume(S, CE->getSubExpr(), Outcome);
  if (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
    return assume(S, CE->getSubExpr(), Outcome);
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot)
    return assume(S, UO->getSubExpr(), !Outcome);
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    switch (BO->getOpcode()) {
    case BO_LAnd:
    case BO_LOr: {
      bool IsAnd = BO->getOpcode() == BO_LAnd;
      // Both sides hold (&& true, || false): learn both. Otherwise one side decides.
      if (Outcome == IsAnd)
        return assume(S, BO->getLHS(), IsAnd) && assume(S, BO->getRHS(), IsAnd);
      Tri L = truth(BO->getLHS(), S);
      if (const AbsVal *Choice = S.temp(choiceKey(BO)))
        L = Choice->truth();
      if (L == (IsAnd ? Tri::False : Tri::True))
        return true;
      if (L == (IsAnd ? Tri::True : Tri::False))
        return assume(S, BO->getRHS(), Outcome);
      Tri R = truth(BO->getRHS(), S);
      if (R == (IsAnd ? Tri::True : Tri::False))
        return assume(S, BO->getLHS(), Outcome);
      return true;
    }
    case BO_Comma:
      return assume(S, BO->getRHS(), Outcome);
    case BO_LT:
    case BO_GT:
    case BO_LE:
    case BO_GE:
    case BO_EQ:
    case BO_NE: {
      if (auto Cmp = asComparisonWithConstant(BO, S))
        return learn(S, Cmp->Operand, Cmp->Op, Cmp->Value, Outcome);
      return true;
    }
    default:
      break;
    }
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Tri C = truth(CO->getCond(), S);
    if (const AbsVal *Choice = S.temp(choiceKey(CO)))
      C = Choice->truth();
    if (C == Tri::True)
      return assume(S, CO->getTrueExpr(), Outcome);
    if (C == Tri::False)
      return assume(S, CO->getFalseExpr(), Outcome);
    return true;
  }
  return learn(S, E, BO_NE, 0, Outcome);
}

void FunctionRun::kill(State &S, const PathKey &Prefix) const {
  llvm::erase_if(S.Facts, [&](const auto &F) { return A.Keys.key(F.first).hasPrefix(Prefix); });
}

void FunctionRun::assign(State &S, const Expr *LHS, const AbsVal &V) const {
  auto K = pathOf(LHS);
  if (!K)
    return;
  PathKey Unmasked = *K;
  Unmasked.Mask = 0;
  kill(S, Unmasked);
  if (tracked(*K))
    S.setFact(A.Keys.intern(*K), V);
}

} // namespace clang::tidy::impersonation::detail
