// The client's data, for the operation pass: which tracked paths hold names that came
// from the client (received, a handler's parameters, passed in by a caller), and what
// the translation unit's functions pass on from their parameters (Derivations). Read
// from each function's text once (FunctionText), not from the runs.
#pragma once

#include "engine/AnalysisImpl.h"
#include "clang/AST/ExprCXX.h"
#include <map>
#include <optional>
#include <vector>

namespace clang::tidy::impersonation::detail {

/// std::string, std::string_view, std::filesystem::path: their operations carry names.
inline bool isStdStringLike(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string N = ApiModel::stdName(RD);
  return N == "basic_string" || N == "basic_string_view" || N == "filesystem::path";
}

/// The name expression under parentheses, casts and temporaries.
inline const Expr *stripName(const Expr *E) {
  while (true) {
    E = E->IgnoreParenCasts();
    if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else
      return E;
  }
}

/// What one function's text says, read once.
struct FunctionText {
  std::vector<const Expr *> Calls; // calls and constructions, in source order
  std::vector<std::pair<PathKey, const Expr *>> Flows; // destination <- source
  std::vector<const CallExpr *> DiscardedEnds;         // ends whose result is dropped
  struct Store {
    const Expr *LHS;    // or null for a variable's initializer
    const VarDecl *Var; // the variable initialized
    const Expr *RHS;
  };
  std::vector<Store> Stores;
  std::vector<const Expr *> Returns; // returned values
  std::vector<const Expr *> Conditions; // what branches and loops test, `&&`/`||` operands
};

/// Reads \p FD's text: its calls in source order, flows, stores, returns, dropped ends.
FunctionText readFunction(TranslationUnitAnalysis::Impl &A, const FunctionDecl *FD);

/// What a function of the translation unit passes on from its parameters: (parameter,
/// output) pairs, the output a pointer or reference parameter (what it points to) or -1,
/// the returned value.
struct Derivation {
  llvm::SmallVector<std::pair<unsigned, int>, 2> Flows;
};
class Derivations;
inline const Derivation *derivationOf(Derivations *D, const FunctionDecl *F);

/// The client's data, per function: tracked paths that hold it, with where it came from.
class ClientData {
public:
  using Impl = TranslationUnitAnalysis::Impl;
  ClientData(Impl &A, Derivations *Derived = nullptr) : A(A), Derived(Derived) {}

  /// Whether some client data is held in what \p Root is or points to.
  bool holds(const FunctionDecl *F, const ValueDecl *Root) const {
    auto It = Taint.find(F);
    return It != Taint.end() && llvm::any_of(It->second, [&](const Tainted &T) {
             return T.Key.Root == Root;
           });
  }

  struct Tainted {
    PathKey Key;
    ClientDataOrigin Origin;
  };

  /// Adds \p K to \p F's client data; false if it was there already.
  bool add(const FunctionDecl *F, const PathKey &K, const ClientDataOrigin &O) {
    auto &List = Taint[F];
    for (const Tainted &T : List)
      if (K.hasPrefix(T.Key))
        return false;
    List.push_back({K, O});
    return true;
  }

  /// Where the client's data in \p E came from, if \p E carries any. A name is not the
  /// client's merely because the access at \p Self opens it as the client on some path.
  const ClientDataOrigin *origin(const FunctionDecl *F, const Expr *E,
                                 SourceLocation Self = {}) const {
    auto It = Taint.find(F);
    if (It == Taint.end() || It->second.empty())
      return nullptr;
    llvm::SmallVector<PathKey, 4> Keys;
    keysIn(E, Keys);
    for (const PathKey &K : Keys)
      for (const Tainted &T : It->second)
        if ((K.hasPrefix(T.Key) || T.Key.hasPrefix(K)) &&
            !(Self.isValid() && T.Origin.K == ClientDataOrigin::UsedAsClient && T.Origin.Loc == Self))
          return &T.Origin;
    return nullptr;
  }

  /// The tracked paths whose data \p E carries.
  llvm::SmallVector<PathKey, 4> keys(const Expr *E) const {
    llvm::SmallVector<PathKey, 4> Out;
    keysIn(E, Out);
    return Out;
  }

  /// The tracked path a destination argument writes (`&req`, `buf`, `req.name + 2`).
  std::optional<PathKey> destination(const Expr *E) const {
    E = stripName(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
      return destination(UO->getSubExpr());
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return destination(AS->getBase());
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAdditiveOp())
      return destination(BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS());
    // The characters of a string or path: `s.c_str()`, `s.data()`, `p.c_str()`, `p.native()`.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
        MC && MC->getNumArgs() == 0 && isStdStringLike(MC->getImplicitObjectArgument()->getType()))
      if (const CXXMethodDecl *MD = MC->getMethodDecl(); MD && MD->getIdentifier() &&
          llvm::is_contained({"c_str", "data", "native", "wstring", "string"}, MD->getName()))
        return destination(MC->getImplicitObjectArgument());
    if (auto K = A.keyOf(E)) {
      K->Mask = 0;
      return K;
    }
    return std::nullopt;
  }

private:
  /// The tracked paths whose data an expression carries: through casts, pointer
  /// arithmetic, copies, the api table's derivations and string and path operations;
  /// not through other calls (their result is theirs).
  void keysIn(const Expr *E, llvm::SmallVectorImpl<PathKey> &Out) const {
    if (!E)
      return;
    E = stripName(E);
    if (auto K = A.keyOf(E)) {
      K->Mask = 0;
      Out.push_back(*K);
      return;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return keysIn(AS->getBase(), Out);
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      return keysIn(UO->getSubExpr(), Out);
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_Comma || BO->isAssignmentOp())
        return keysIn(BO->getRHS(), Out);
      if (BO->isAdditiveOp()) {
        if (!BO->getRHS()->getType()->isPointerType())
          keysIn(BO->getLHS(), Out);
        if (!BO->getLHS()->getType()->isPointerType())
          keysIn(BO->getRHS(), Out);
      }
      return;
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
      keysIn(CO->getTrueExpr(), Out);
      keysIn(CO->getFalseExpr(), Out);
      return;
    }
    if (const auto *IL = dyn_cast<InitListExpr>(E)) {
      for (const Expr *I : IL->inits())
        keysIn(I, Out);
      return;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      for (const Expr *Arg : CE->arguments())
        keysIn(Arg, Out);
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (isStdStringLike(MC->getImplicitObjectArgument()->getType())) {
        keysIn(MC->getImplicitObjectArgument(), Out);
        for (const Expr *Arg : MC->arguments())
          keysIn(Arg, Out);
      }
      return;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      bool Strings = llvm::any_of(OC->arguments(), [](const Expr *Arg) {
        return isStdStringLike(Arg->getType());
      });
      if (Strings)
        for (const Expr *Arg : OC->arguments())
          keysIn(Arg, Out);
      return;
    }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      if (const PropagationEntry *P = A.Apis.propagation(C)) {
        int Last = P->LastSource < 0 ? int(C->getNumArgs()) - 1 : P->LastSource;
        for (int I = P->FirstSource; I <= Last && unsigned(I) < C->getNumArgs(); ++I)
          keysIn(C->getArg(I), Out);
        if (P->DestArg >= 0 && unsigned(P->DestArg) < C->getNumArgs())
          keysIn(C->getArg(P->DestArg), Out);
      } else if (const FunctionDecl *F = C->getDirectCallee();
                 F && ApiModel::stdName(F).rfind("filesystem::", 0) == 0) {
        for (const Expr *Arg : C->arguments())
          if (isStdStringLike(Arg->getType()))
            keysIn(Arg, Out);
      } else if (const Derivation *D = derivationOf(Derived, A.definitionOf(C->getDirectCallee()))) {
        // A path builder of the translation unit returns what it was given.
        for (auto [Param, Output] : D->Flows)
          if (Output < 0 && Param < C->getNumArgs())
            keysIn(C->getArg(Param), Out);
      }
      return;
    }
  }

  Impl &A;
  Derivations *Derived;
  std::map<const FunctionDecl *, std::vector<Tainted>> Taint;
};

/// One round of derivations inside \p FD (ClientData.cpp); whether anything was added.
bool propagateWithin(TranslationUnitAnalysis::Impl &A, ClientData &Data, Derivations *Derived,
                     const FunctionDecl *FD, const FunctionText &T);

/// The derivations of the translation unit's functions, computed when a caller hands one
/// of them client data: each parameter in turn is taken for client data, and what it
/// reaches (the result, what pointer parameters point to) is recorded.
class Derivations {
public:
  Derivations(TranslationUnitAnalysis::Impl &A,
              const std::map<const FunctionDecl *, FunctionText> &Texts)
      : A(A), Texts(Texts) {}

  const Derivation *of(const FunctionDecl *F) {
    auto Text = Texts.find(F);
    if (Text == Texts.end())
      return nullptr;
    auto [It, New] = Known.try_emplace(F);
    if (!New)
      return It->second ? &*It->second : nullptr; // null: being computed (recursion)
    Derivation D;
    for (unsigned I = 0; I < F->getNumParams(); ++I) {
      const ParmVarDecl *P = F->getParamDecl(I);
      ClientData Local(A, this);
      PathKey K;
      K.Root = P;
      ClientDataOrigin O;
      O.K = ClientDataOrigin::Parameter;
      O.Param = P;
      Local.add(F, K, O);
      for (unsigned Round = 0; Round < 8 && propagateWithin(A, Local, this, F, Text->second); ++Round)
        ;
      for (unsigned J = 0; J < F->getNumParams(); ++J) {
        if (J != I && writesThrough(F->getParamDecl(J)->getType()) &&
            Local.holds(F, F->getParamDecl(J)))
          D.Flows.push_back({I, int(J)});
      }
      if (llvm::any_of(Text->second.Returns, [&](const Expr *R) { return Local.origin(F, R); }))
        D.Flows.push_back({I, -1});
    }
    Known[F] = std::move(D);
    return &*Known[F];
  }

private:
  TranslationUnitAnalysis::Impl &A;
  const std::map<const FunctionDecl *, FunctionText> &Texts;
  std::map<const FunctionDecl *, std::optional<Derivation>> Known;
};

inline const Derivation *derivationOf(Derivations *D, const FunctionDecl *F) {
  return D && F ? D->of(F) : nullptr;
}

} // namespace clang::tidy::impersonation::detail
