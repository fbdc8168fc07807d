// Reading a function's text once (calls, flows, stores, returns, discarded reverts), and
// one round of propagating the client's data inside a function: assignments, the api
// table's copies and formats, string and path appends, what its callees pass on.
#include "engine/ClientData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::impersonation::detail {

FunctionText readFunction(TranslationUnitAnalysis::Impl &A, const FunctionDecl *FD) {
  FunctionText T;
  auto discarded = [&](const Stmt *S) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (!E)
      return;
    E = E->IgnoreParens();
    if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr()->IgnoreParens();
    if (const auto *CE = dyn_cast<CStyleCastExpr>(E); CE && CE->getType()->isVoidType())
      E = CE->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<CallExpr>(E))
      if (const ApiEntry *Api = A.Apis.lookup(C); Api && Api->Role == ApiRole::End &&
                                                  Api->Family != ApiFamily::User &&
                                                  Api->Conv != Convention::Void &&
                                                  Api->Conv != Convention::Pointer)
        T.DiscardedEnds.push_back(C);
  };
  // An explicit stack: a long chain of `a + b + ...` nests as deep as it is long.
  llvm::SmallVector<const Stmt *, 64> Stack;
  // Each call with its start, read once rather than at every comparison of the sort.
  llvm::SmallVector<std::pair<SourceLocation, const Expr *>, 32> CallsAt;
  auto Visit = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (isa<CallExpr, CXXConstructExpr>(S))
      CallsAt.push_back({S->getBeginLoc(), cast<Expr>(S)});
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign) {
      T.Stores.push_back({BO->getLHS(), nullptr, BO->getRHS()});
      if (auto K = A.keyOf(BO->getLHS())) {
        K->Mask = 0;
        T.Flows.push_back({*K, BO->getRHS()});
      }
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
          T.Stores.push_back({nullptr, VD, VD->getInit()});
          PathKey K;
          K.Root = VD;
          T.Flows.push_back({K, VD->getInit()});
        }
    } else if (const auto *RS = dyn_cast<ReturnStmt>(S); RS && RS->getRetValue()) {
      T.Returns.push_back(RS->getRetValue());
    } else if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *C : CS->body())
        discarded(C);
    } else if (const auto *If = dyn_cast<IfStmt>(S)) {
      T.Conditions.push_back(If->getCond());
      discarded(If->getThen());
      discarded(If->getElse());
    } else if (const auto *SC = dyn_cast<SwitchCase>(S)) {
      discarded(SC->getSubStmt());
    } else if (const auto *L = dyn_cast<LabelStmt>(S)) {
      discarded(L->getSubStmt());
    } else if (const auto *W = dyn_cast<WhileStmt>(S)) {
      T.Conditions.push_back(W->getCond());
      discarded(W->getBody());
    } else if (const auto *F = dyn_cast<ForStmt>(S)) {
      if (F->getCond())
        T.Conditions.push_back(F->getCond());
      discarded(F->getBody());
    } else if (const auto *D = dyn_cast<DoStmt>(S)) {
      T.Conditions.push_back(D->getCond());
      discarded(D->getBody());
    } else if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      T.Conditions.push_back(Sw->getCond());
    } else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S)) {
      T.Conditions.push_back(CO->getCond());
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isLogicalOp()) {
      T.Conditions.push_back(BO->getLHS());
      T.Conditions.push_back(BO->getRHS());
    }
    for (const Stmt *C : S->children())
      Stack.push_back(C);
  };
  Stack.push_back(FD->getBody());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *I : Ctor->inits())
      Stack.push_back(I->getInit());
  while (!Stack.empty())
    Visit(Stack.pop_back_val());
  llvm::sort(CallsAt, [&](const auto &X, const auto &Y) {
    return A.SM.isBeforeInTranslationUnit(X.first, Y.first);
  });
  T.Calls.reserve(CallsAt.size());
  for (const auto &[Loc, Call] : CallsAt)
    T.Calls.push_back(Call);
  return T;
}

/// One round of derivations inside \p FD: assignments, the api table's copies and
/// formats, string and path appends, and what the function's own callees pass on.
/// Whether anything was added.
bool propagateWithin(TranslationUnitAnalysis::Impl &A, ClientData &Data, Derivations *Derived,
                     const FunctionDecl *FD, const FunctionText &T) {
  bool Added = false;
  for (const auto &[K, From] : T.Flows)
    if (const ClientDataOrigin *O = Data.origin(FD, From))
      Added |= Data.add(FD, K, ClientDataOrigin(*O));
  for (const Expr *C : T.Calls) {
    if (const auto *CE = dyn_cast<CallExpr>(C)) {
      if (const PropagationEntry *P = A.Apis.propagation(CE);
          P && P->DestArg >= 0 && unsigned(P->DestArg) < CE->getNumArgs()) {
        int Last = P->LastSource < 0 ? int(CE->getNumArgs()) - 1 : P->LastSource;
        // Strings explain a name better than the numbers formatted into it.
        const ClientDataOrigin *From = nullptr;
        for (bool Strings : {true, false})
          for (int I = P->FirstSource; !From && I <= Last && unsigned(I) < CE->getNumArgs(); ++I)
            if (CE->getArg(I)->IgnoreParenImpCasts()->getType()->isPointerType() == Strings)
              From = Data.origin(FD, CE->getArg(I));
        if (From)
          if (auto D = Data.destination(CE->getArg(P->DestArg)))
            Added |= Data.add(FD, *D, ClientDataOrigin(*From));
      }
    }
    // A path builder of the translation unit writes what it was given to its out-parameter.
    if (const FunctionDecl *Def = A.definitionOf(A.calleeOf(C))) {
      llvm::ArrayRef<const Expr *> Args = argsForParams(C, Def);
      bool AnyTainted = llvm::any_of(Args, [&](const Expr *E) { return Data.origin(FD, E); });
      if (AnyTainted)
        if (const Derivation *D = derivationOf(Derived, Def))
          for (auto [Param, Output] : D->Flows)
            if (Output >= 0 && Param < Args.size() && unsigned(Output) < Args.size())
              if (const ClientDataOrigin *O = Data.origin(FD, Args[Param]))
                if (auto Dest = Data.destination(Args[Output]))
                  Added |= Data.add(FD, *Dest, ClientDataOrigin(*O));
    }
    // Appending to a string or path: `s += req.name`, `p /= name`, `s.append(x)`.
    const Expr *Object = nullptr;
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
        MC && isStdStringLike(MC->getImplicitObjectArgument()->getType())) {
      Object = MC->getImplicitObjectArgument();
      Args = llvm::ArrayRef(MC->getArgs(), MC->getNumArgs());
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C);
               OC && OC->isAssignmentOp() && OC->getNumArgs() == 2 &&
               isStdStringLike(OC->getArg(0)->getType())) {
      Object = OC->getArg(0);
      Args = llvm::ArrayRef(OC->getArgs() + 1, 1);
    }
    if (Object)
      for (const Expr *Arg : Args)
        if (const ClientDataOrigin *O = Data.origin(FD, Arg))
          if (auto D = Data.destination(Object)) {
            Added |= Data.add(FD, *D, ClientDataOrigin(*O));
            break;
          }
  }
  return Added;
}

} // namespace clang::tidy::impersonation::detail
