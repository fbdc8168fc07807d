#include "ImpersonationAnalysis.h"

#include "FunctionCfg.h"
#include "engine/State.h"
#include "engine/Values.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Regex.h"
#include <algorithm>
#include <limits>
#include <mutex>
#include <set>
#include <unordered_map>

namespace clang::tidy::impersonation {

using namespace detail;

// ---------------------------------------------------------------------------------------
// The translation unit's analysis.

class TranslationUnitAnalysis::Impl {
public:
  Impl(ASTContext &Ctx, const EngineConfig &Config)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Config(Config),
        Apis(Config.BeginFunctions, Config.EndFunctions, Config.NeutralFunctions) {}

  const std::vector<FunctionReport> &reports();

  ASTContext &Ctx;
  const SourceManager &SM;
  EngineConfig Config;
  ApiModel Apis;
  KeyTable Keys;
  IdentityTable Tokens;

  struct FunctionInfo {
    enum { Unvisited, Visiting, Done } Relevance = Unvisited;
    bool Relevant = false;   // takes part in impersonation (directly or through callees)
    bool MayBegin = false;   // begins, or calls something that may begin: worth a report
    bool ContainsEnd = false;
    bool RootsComputed = false;
    llvm::SmallPtrSet<const ValueDecl *, 8> Roots;        // tracked roots in this function
    llvm::SmallPtrSet<const ValueDecl *, 8> ContextRoots; // those its summaries depend on
    llvm::SmallPtrSet<const FieldDecl *, 8> Fields;       // fields its body names
    llvm::SmallPtrSet<const ParmVarDecl *, 4> TestedParams; // read as values in conditions
    std::unique_ptr<llvm::SmallPtrSet<const FieldDecl *, 16>> FieldsWithCallees;
    std::vector<const FunctionDecl *> Callees;            // relevant functions it calls
  };
  // References into it are held across calls that add entries: a node-based map keeps
  // them valid.
  std::unordered_map<const FunctionDecl *, FunctionInfo> Info;
  llvm::SmallPtrSet<const FunctionDecl *, 8> ThreadStarts;
  llvm::SmallPtrSet<const ValueDecl *, 8> TrackedGlobals;
  std::map<ContextKey, Summary, ContextLess> Summaries;
  std::set<ContextKey, ContextLess> InProgress; // summaries being computed (recursion)
  std::map<ContextKey, bool, ContextLess> RecursionHit;
  std::vector<FunctionReport> Reports;
  std::vector<const FunctionDecl *> Lambdas; // call operators met while scanning bodies
  bool Done = false;
  void collectFunctions(const Decl *D, std::vector<const FunctionDecl *> &Out);

  // Relevance and tracked roots.
  bool isRelevant(const FunctionDecl *FD);
  FunctionInfo &roots(const FunctionDecl *FD);
  const FunctionDecl *definitionOf(const FunctionDecl *FD) const {
    if (!FD)
      return nullptr;
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !Def->hasBody() || Def->isDependentContext())
      return nullptr;
    if (SM.isInSystemHeader(Def->getLocation()))
      return nullptr;
    return Def;
  }
  const FunctionDecl *calleeOf(const Expr *E) const;
  const FunctionDecl *relevantCallee(const Expr *E) {
    const FunctionDecl *Callee = calleeOf(E);
    if (!Callee)
      return nullptr;
    auto [It, New] = RelevantDef.try_emplace(Callee, nullptr);
    if (!New)
      return It->second;
    const FunctionDecl *Def = definitionOf(Callee);
    const FunctionDecl *Result = Def && isRelevant(Def) ? Def : nullptr;
    // Within a recursive group the answer may still change: cache only settled ones.
    if (Def && Info[Def].Relevance != FunctionInfo::Done)
      RelevantDef.erase(Callee);
    else
      RelevantDef[Callee] = Result;
    return Result;
  }
  llvm::DenseMap<const FunctionDecl *, const FunctionDecl *> RelevantDef;
  const ApiEntry *api(const Expr *E) const {
    if (const auto *C = dyn_cast<CallExpr>(E))
      return Apis.lookup(C);
    return nullptr;
  }

  std::optional<PathKey> keyOf(const Expr *E) const;
  /// Fields named by \p FD and every relevant function it calls (destructors included).
  const llvm::SmallPtrSet<const FieldDecl *, 16> &fieldsReadBy(const FunctionDecl *FD) {
    FunctionInfo &FI = Info[FD];
    if (FI.FieldsWithCallees)
      return *FI.FieldsWithCallees;
    FI.FieldsWithCallees = std::make_unique<llvm::SmallPtrSet<const FieldDecl *, 16>>();
    auto &Out = *FI.FieldsWithCallees;
    llvm::SmallVector<const FunctionDecl *, 8> Work{FD};
    llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{FD};
    while (!Work.empty()) {
      FunctionInfo &I = Info[Work.pop_back_val()];
      Out.insert(I.Fields.begin(), I.Fields.end());
      for (const FunctionDecl *C : I.Callees)
        if (Seen.insert(C).second)
          Work.push_back(C);
    }
    return Out;
  }

  const Summary &summarize(const FunctionDecl *FD, const std::vector<std::pair<KeyId, AbsVal>> &Ctx);

  // What the runs saw at calls: the identity in force at each operation and at each call
  // of a function of the translation unit, in any calling context.
  struct Observation {
    Who W;
    const Stmt *Site;        // the begin in force
    const Stmt *EndSite;     // the last end on the path
    const Stmt *FailedBegin; // a begin that failed on the path
    bool FailureKnown;
    bool operator==(const Observation &O) const {
      return W == O.W && Site == O.Site && EndSite == O.EndSite &&
             FailedBegin == O.FailedBegin && FailureKnown == O.FailureKnown;
    }
  };
  llvm::DenseMap<const Expr *, llvm::SmallVector<Observation, 2>> CallObservations;
  std::map<const Stmt *, UncheckedBegin> UncheckedFound; // by failed begin
  std::vector<const Stmt *> UncheckedOrder;
  llvm::SmallPtrSet<const FunctionDecl *, 32> RunFunctions; // analysed at least once
  std::vector<const FunctionDecl *> AllFunctions;           // definitions, source order

  /// Protected operations a function performs itself or through the functions it calls,
  /// from its text: whether there are any, and whether all name fixed objects.
  struct Operations {
    bool Any = false;
    bool AllFixed = true;
  };
  Operations operationsOf(const FunctionDecl *FD);
  llvm::DenseMap<const FunctionDecl *, Operations> OperationsCache;
  /// Whether every object-naming argument of \p Call is one of the service's fixed
  /// objects: a literal, a constant, a global.
  bool namesFixedObjects(const Expr *Call, const OperationEntry &Op) const;
  bool isFixedName(const Expr *E) const;

  std::map<std::pair<std::string, bool>, OperationReport> OperationReports;
  OperationReport computeOperations(const OperationQuery &Query);
  void noteThreadStart(const CallExpr *C);
  void noteStdThread(const CXXConstructExpr *C);
  void noteThreadRoutine(const Expr *Routine);
  /// The function a thread or work item runs: `Routine`, `&Routine`, a lambda.
  const FunctionDecl *routineOf(const Expr *Routine) const;
};

/// The arguments of a call or a construction (none for anything else, or null).
static llvm::ArrayRef<const Expr *> callArgs(const Expr *E) {
  if (const auto *C = dyn_cast_or_null<CallExpr>(E))
    return llvm::ArrayRef(C->getArgs(), C->getNumArgs());
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(E))
    return llvm::ArrayRef(C->getArgs(), C->getNumArgs());
  return {};
}

/// The arguments of a call that bind to \p Callee's parameters: a member operator call
/// passes its object as the first argument.
static llvm::ArrayRef<const Expr *> argsForParams(const Expr *Call, const FunctionDecl *Callee) {
  llvm::ArrayRef<const Expr *> Args = callArgs(Call);
  if (isa_and_nonnull<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) && !Args.empty())
    return Args.drop_front();
  return Args;
}

/// Whether a parameter of type \p T lets the callee write what the argument points to.
static bool writesThrough(QualType T) {
  return (T->isPointerType() && !T->getPointeeType().isConstQualified()) ||
         (T->isReferenceType() && !T.getNonReferenceType().isConstQualified());
}

/// What a message calls a begin: the API, the wrapper, the method, or a guard's class.
static std::string beginSiteName(const Stmt *Site) {
  if (const auto *C = dyn_cast<CallExpr>(Site)) {
    if (const FunctionDecl *F = C->getDirectCallee())
      return F->getNameAsString();
    if (const auto *ME = dyn_cast<MemberExpr>(C->getCallee()->IgnoreParenImpCasts()))
      return ME->getMemberDecl()->getNameAsString();
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(Site)) {
    return CE->getConstructor()->getParent()->getNameAsString();
  }
  return "";
}

const FunctionDecl *TranslationUnitAnalysis::Impl::calleeOf(const Expr *E) const {
  if (const auto *C = dyn_cast<CallExpr>(E))
    return C->getDirectCallee();
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return C->getConstructor();
  return nullptr;
}

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
      if (const CXXDestructorDecl *D = RD->getDestructor())
        if (const FunctionDecl *Def = definitionOf(D); Def && isRelevant(Def))
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
        if (RD->hasDefinition())
          if (const CXXDestructorDecl *D = RD->getDestructor())
            if (const FunctionDecl *Def = A.definitionOf(D); Def && A.isRelevant(Def)) {
              Self.Callees.push_back(Def);
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
      if (!N || isa<LambdaExpr>(N))
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
      bool Interesting = isa<CallExpr, CXXConstructExpr>(S) && interestingCall(cast<Expr>(S));
      if (const auto *ME = dyn_cast<MemberExpr>(S)) {
        // The base is read through, not tested as a value.
        bool Through = isa<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
        return scan(ME->getBase(), Roots, MarkTested && !Through) || Interesting;
      }
      for (const Stmt *C : S->children())
        Interesting |= scan(C, Roots, MarkTested);
      return Interesting;
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
              if (RD->hasDefinition() && RD->getDestructor() &&
                  A.definitionOf(RD->getDestructor()))
                Direct.insert(VD);
            Edges.push_back({VD, Feeds});
          }
      }
      if (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) {
        const auto *E = cast<Expr>(S);
        if (interestingCall(E)) {
          Direct.insert(Guards.begin(), Guards.end());
          // Whatever the call can see may decide what it does.
          for (const Expr *Arg : callArgs(E)) {
            llvm::SmallVector<const ValueDecl *, 4> R;
            RootsIn(Arg, R);
            Direct.insert(R.begin(), R.end());
          }
          if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
            llvm::SmallVector<const ValueDecl *, 4> R;
            RootsIn(MC->getImplicitObjectArgument(), R);
            Direct.insert(R.begin(), R.end());
          }
        }
      }
      if (isa<LambdaExpr>(S))
        return;
      for (const Stmt *C : S->children())
        walk(C);
    }
    llvm::SmallPtrSetImpl<const ParmVarDecl *> &TestedParams;
  } W{*this, rootsIn, Direct, Edges, {}, 0, FI.TestedParams};
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
  closure(FI.ContextRoots);
  // What it writes through pointer and reference parameters reaches its callers
  // (out-flags): those parameters are tracked too, without entering the context.
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

// ---------------------------------------------------------------------------------------
// One run of the engine over one function in one calling context.

namespace {

class FunctionRun {
public:
  using Impl = TranslationUnitAnalysis::Impl;

  FunctionRun(Impl &A, const FunctionDecl *FD, const FactList &Entry, Summary &Out)
      : A(A), FD(FD), EntryFacts(Entry), Out(Out) {}

  void run();

private:
  Impl &A;
  const FunctionDecl *FD;
  const FactList &EntryFacts;
  Summary &Out;

  FunctionCfg G;
  llvm::BumpPtrAllocator Arena;
  // Most blocks are reached by a single state: keep it inline, not in a heap allocation
  // of its own per block.
  using StateSet = llvm::SmallVector<State, 1>;
  std::vector<StateSet> In;             // per block id
  // Scratch vectors reused so that visiting a block or a call allocates nothing: the
  // states flowing through the block being visited, and those after a call element.
  std::vector<State> BlockStates;
  std::vector<State> AfterCall;
  std::vector<unsigned> Order;          // block id -> reverse post-order index
  llvm::BitVector Pending;              // by reverse post-order index
  std::vector<unsigned> BlockAtOrder;   // reverse post-order index -> block id
  llvm::DenseMap<const Stmt *, const CFGBlock *> DispatchOf; // try statement -> block
  llvm::DenseMap<const Stmt *, const Stmt *> SyntheticDecl;
  llvm::SmallPtrSet<const Stmt *, 4> ActedSites; // own begins under which code acted
  llvm::SmallPtrSet<const Stmt *, 4> WidenedAt;
  bool IsCXX = false;
  const Stmt *CurrentElementStmt = nullptr; // for destructors: where they run
  std::vector<const CFGBlock *> ById;
  std::vector<bool> Widened;
  std::vector<llvm::SmallVector<KeyId, 4>> DroppedKeys; // per block, once widened

  struct LeakInfo {
    Leak L;
    bool HaveWitness = false;
  };
  std::map<const Stmt *, LeakInfo> Leaks;
  std::vector<const Stmt *> LeakOrder;

  // Evaluation and refinement.
  std::optional<KeyId> keyId(const Expr *E) const;
  bool tracked(const PathKey &K) const;
  /// Whether a condition can say anything: it reads a tracked root, a call result or a
  /// choice. Others are feasible both ways and teach nothing (most branches of a service).
  bool conditionMatters(const Expr *E);
  llvm::DenseMap<const Expr *, bool> MattersCache;
  mutable llvm::DenseMap<const Expr *, std::optional<int64_t>> ConstantCache;
  mutable llvm::DenseMap<const Expr *, std::optional<KeyId>> KeyCache;
  mutable llvm::DenseMap<const Expr *, std::optional<PathKey>> PathCache;
  /// A.keyOf, once per expression and run.
  const std::optional<PathKey> &pathOf(const Expr *E) const {
    auto [It, New] = PathCache.try_emplace(E, std::nullopt);
    if (New)
      It->second = A.keyOf(E);
    return It->second;
  }
  AbsVal eval(const Expr *E, const State &S) const;
  Tri truth(const Expr *E, const State &S) const { return eval(E, S).truth(); }
  bool assume(State &S, const Expr *E, bool Outcome) const;
  bool learn(State &S, const Expr *E, unsigned Op, int64_t C, bool Outcome) const;
  /// `x op c` with c a constant or a value this path knows exactly, x on the left.
  struct Comparison {
    const Expr *Operand;
    unsigned Op;
    int64_t Value;
  };
  std::optional<Comparison> asComparisonWithConstant(const BinaryOperator *BO,
                                                     const State &S) const;
  std::optional<int64_t> constant(const Expr *E) const;
  std::optional<int64_t> computeConstant(const Expr *E) const;

  void kill(State &S, const PathKey &Prefix) const;
  void assign(State &S, const Expr *LHS, const AbsVal &V) const;

  // Transfer.
  void transferElement(const CFGElement &E, std::vector<State> &States);
  void transferCallElement(const Expr *Call, std::vector<State> &States);
  void transferSimple(const Stmt *S, State &St);
  void transferCall(const Expr *Call, State &&St, std::vector<State> &Out,
                    const PathKey *This);
  void applySummary(const Expr *Call, const FunctionDecl *Callee, const PathKey *This,
                    State &&St, std::vector<State> &Out);
  void opaqueCall(const Expr *Call, State &St) const;
  /// The object a member call acts on, as a tracked path.
  std::optional<PathKey> objectOf(const CXXMemberCallExpr *MC) const;
  bool isCurrentThread(const Expr *E, const State &St) const;
  bool isCurrentProcess(const Expr *E, const State &St) const;
  void noteActed(const State &St, const Expr *Call);
  public:
  static std::string displayName(const Expr *Call);
  /// \p St is the path on which the begin \p Call failed: its result is the convention's
  /// failure, marked so that a test of it notices the failure.
  void markFailedBegin(State &St, const Expr *Call, const ApiEntry &Api);

private:
  /// Records the identity in force at a call; \p OpName names a protected operation.
  void observe(const Expr *Call, const State &St, llvm::StringRef OpName, bool OpFixed);

  // Control flow.
  const Stmt *rootOf(const Stmt *S);
  static const CFGBlock *successor(const CFGBlock *From, const CFGBlock::AdjacentBlock &A);
  const Stmt *enclosingTry(const Stmt *S, bool &IsSeh);
  void collectLiveObjects(const Stmt *From, const Stmt *Stop,
                          llvm::SmallVectorImpl<const VarDecl *> &Vars);
  void runDestructors(const Stmt *From, const Stmt *Stop, std::vector<State> &States);
  void raise(const Stmt *At, std::vector<State> States);
  void exitWith(const State &S, SourceLocation Loc, ExitKind K);
  void propagate(const CFGBlock *To, State &&S, const Stmt *Cond,
                 Trace::Kind K);
  void join(const CFGBlock *To, State &&S);
  const Trace *extend(const Trace *T, const Stmt *At, Trace::Kind K) {
    return new (Arena.Allocate<Trace>()) Trace{T, At, K};
  }
  void finish();
  /// The handler of a constructor's or destructor's function-try-block that \p B ends, if
  /// it is in one.
  const CXXCatchStmt *functionTryHandlerOf(const CFGBlock *B) const;
  /// The branch decisions on \p T since the begin (or failed begin) at \p Site.
  std::vector<PathNote> witnessNotes(const Trace *T, const Stmt *Site,
                                     Trace::Kind From = Trace::Begin) const;
  PathKey paramKey(const ValueDecl *P) const {
    PathKey K;
    K.Root = P;
    return K;
  }
};

std::optional<int64_t> FunctionRun::constant(const Expr *E) const {
  // Constant-ness never changes: fold each expression once per run.
  auto [It, New] = ConstantCache.try_emplace(E, std::nullopt);
  if (New)
    It->second = computeConstant(E);
  return It->second;
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
      return R.Val.getInt().getSExtValue();
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
  if (!K.Root)
    return true; // `this`
  return A.Info[FD].Roots.count(K.Root) || A.TrackedGlobals.count(K.Root);
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
  if (AbsVal R = eval(BO->getRHS(), S); R.HasExact)
    return Comparison{BO->getLHS(), Op, R.Exact};
  if (AbsVal L = eval(BO->getLHS(), S); L.HasExact)
    return Comparison{BO->getRHS(), Reversed, L.Exact};
  return std::nullopt;
}

bool FunctionRun::learn(State &S, const Expr *E, unsigned Op, int64_t C, bool Outcome) const {
  E = E->IgnoreParens();
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return learn(S, FE->getSubExpr(), Op, C, Outcome);
  if (const auto *CE = dyn_cast<CastExpr>(E);
      CE && CE->getCastKind() != CK_IntegralToBoolean && CE->getCastKind() != CK_PointerToBoolean)
    return learn(S, CE->getSubExpr(), Op, C, Outcome);
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

bool FunctionRun::isCurrentThread(const Expr *E, const State &St) const {
  AbsVal V = eval(E, St);
  return V.HasExact && V.Exact == -2;
}

bool FunctionRun::isCurrentProcess(const Expr *E, const State &St) const {
  AbsVal V = eval(E, St);
  return V.HasExact && V.Exact == -1;
}

void FunctionRun::noteActed(const State &St, const Expr *Call) {
  if (St.Id.impersonating() && St.Id.Own && St.Id.Site != Call)
    ActedSites.insert(St.Id.Site);
}

void FunctionRun::markFailedBegin(State &St, const Expr *Call, const ApiEntry &Api) {
  AbsVal Failed = conventionResult(Api.Conv, false);
  // Only a failed impersonation of someone else leaves the service's token where the code
  // meant the client's; ImpersonateSelf failing changes no identity.
  if (Api.Identity != IdentityKind::Self) {
    Failed.Failed = true;
    St.FailedBegin = Call;
    St.FailureKnown = false;
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

void FunctionRun::observe(const Expr *Call, const State &St, llvm::StringRef OpName,
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
  auto [It, New] = A.UncheckedFound.try_emplace(St.FailedBegin);
  if (!New)
    return;
  A.UncheckedOrder.push_back(St.FailedBegin);
  UncheckedBegin &U = It->second;
  U.BeginSite = St.FailedBegin;
  U.Operation = Call;
  U.OperationName = OpName.str();
  U.Witness = witnessNotes(St.Witness, St.FailedBegin, Trace::Failure);
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
  for (unsigned I = 0; I < Args.size(); ++I) {
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

// The calling context of a callee: facts on its parameters, what they point to, its
// object and tracked globals, taken from the caller's state.
struct ArgBinding {
  PathKey CallerBase; // caller path the parameter stands for (its value, or its pointee)
  bool HasBase = false;
  bool AddressOf = false; // argument was &path: callee [p, deref, ...] == caller path
  AbsVal Value;           // the argument's value
};

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

  auto mapOutcome = [&](const Outcome &O) {
    State N = St;
    if (O.Id.W != Who::Entry) {
      // The callee changed the identity: a failure noticed or not before is over.
      N.FailedBegin = nullptr;
      N.FailureKnown = false;
      if (O.Id.W == Who::Service)
        N.EndSite = Call ? static_cast<const Stmt *>(Call) : CurrentElementStmt;
      Identity Id = O.Id;
      if (Id.Own) {
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
      kill(N, *This);
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
    if (O.Failed && (Sum.BeginWrapper || Sum.Transfers) && Call) {
      N.FailedBegin = Call;
      N.FailureKnown = false;
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

void FunctionRun::transferCall(const Expr *Call, State &&St, std::vector<State> &OutStates,
                               const PathKey *This) {
  const auto *CE = dyn_cast<CallExpr>(Call);
  const ApiEntry *Api = CE ? A.Apis.lookup(CE) : nullptr;
  if (const OperationEntry *Op = A.Apis.operation(Call))
    observe(Call, St, displayName(Call), A.namesFixedObjects(Call, *Op));
  auto arg = [&](int I) -> const Expr * {
    return CE && I >= 0 && unsigned(I) < CE->getNumArgs() ? CE->getArg(I) : nullptr;
  };
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
        if (V.HasExact && V.Exact == 0) {
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
      }
      if (Restore) {
        St.Id = *Restore;
      } else {
        Identity New;
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
  for (const VarDecl *VD : Vars) {
    const CXXDestructorDecl *D = VD->getType()->getAsCXXRecordDecl()->getDestructor();
    const FunctionDecl *Def = A.definitionOf(D);
    if (!Def || !A.isRelevant(Def))
      continue;
    PathKey This;
    This.Root = VD;
    std::vector<State> Next;
    for (State &S : States)
      applySummary(nullptr, Def, &This, std::move(S), Next);
    States = std::move(Next);
  }
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

void FunctionRun::exitWith(const State &S, SourceLocation Loc, ExitKind K) {
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
  if (!S.Id.impersonating() || !S.Id.Own)
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

void FunctionRun::join(const CFGBlock *To, State &&S) {
  StateSet &Set = In[To->getBlockID()];
  // Facts forgotten here once stay forgotten: the set of facts only shrinks, so the
  // analysis terminates.
  if (Widened[To->getBlockID()]) {
    S.Temps.clear();
    const auto &Dropped = DroppedKeys[To->getBlockID()];
    llvm::erase_if(S.Facts, [&](const auto &F) { return llvm::is_contained(Dropped, F.first); });
  }
  for (const State &T : Set)
    if (T.sameAs(S))
      return;
  // Once facts are being dropped here, a state with fewer facts and the same identity
  // covers this one (before that, facts come from the program's finite constants).
  if (Widened[To->getBlockID()])
  for (const State &T : Set)
    if (T.Id == S.Id && T.InCom == S.InCom && T.sameFailure(S) && T.Temps == S.Temps &&
        std::includes(S.Facts.begin(), S.Facts.end(), T.Facts.begin(), T.Facts.end(),
                      [](const auto &X, const auto &Y) {
                        return X.first != Y.first ? X.first < Y.first : X.second < Y.second;
                      }))
      return;
  Set.push_back(std::move(S));
  if (Set.size() > A.Config.MaxStatesPerPoint) {
    // Too many states here: forget facts, never states. The fact with the most distinct
    // values goes first (a counter, a size), so the flags that decide a revert stay.
    auto dedupe = [](StateSet &V) {
      StateSet Merged;
      for (State &T : V) {
        bool Dup = false;
        for (const State &M : Merged)
          Dup |= M.sameAs(T);
        if (!Dup)
          Merged.push_back(std::move(T));
      }
      V = std::move(Merged);
    };
    for (State &T : Set)
      T.Temps.clear();
    dedupe(Set);
    while (Set.size() > A.Config.MaxStatesPerPoint) {
      std::optional<KeyId> Varied = mostVariedKey(Set);
      if (!Varied)
        break;
      KeyId Drop = *Varied;
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
    if (First && WidenedAt.insert(First).second)
      Out.Report.DebugNotes.push_back(
          {First->getBeginLoc(), "more than " + std::to_string(A.Config.MaxStatesPerPoint) +
                                     " states reach this point: facts about tracked "
                                     "expressions are dropped here"});
  }
  Pending.set(Order[To->getBlockID()]);
}

void FunctionRun::propagate(const CFGBlock *To, State &&S, const Stmt *Cond,
                            Trace::Kind K) {
  if (Cond)
    S.Witness = extend(S.Witness, Cond, K);
  join(To, std::move(S));
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
  // do not throw C++ exceptions; any call may raise SEH.
  bool IsSeh = false;
  bool MayThrow = false;
  if (enclosingTry(Call, IsSeh)) {
    const FunctionDecl *Callee = A.calleeOf(Call);
    const auto *FPT = Callee ? Callee->getType()->getAs<FunctionProtoType>() : nullptr;
    MayThrow = IsSeh || !((FPT && FPT->isNothrow()) || (Callee && Callee->isExternC()));
  }
  AfterCall.clear();
  for (State &St : States) {
    // A call that raises never returned: the handlers see the state before it.
    if (MayThrow)
      raise(Call, {St});
    transferCall(Call, std::move(St), AfterCall, This);
  }
  States.swap(AfterCall);
}

// A statement that is not a call: it changes facts, never the number of states.
void FunctionRun::transferSimple(const Stmt *S, State &St) {
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
    const Stmt *Root = rootOf(S);
    for (State &St : States)
      if (St.TempRoot != Root) {
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
    const FunctionDecl *Def = RD && RD->hasDefinition() ? A.definitionOf(RD->getDestructor()) : nullptr;
    if (!Def || !A.isRelevant(Def))
      return;
    PathKey This;
    This.Root = VD;
    for (State &S : States)
      applySummary(nullptr, Def, &This, std::move(S), Next);
  } else {
    return;
  }
  States = std::move(Next);
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
  Out.Transfers = ApiModel::annotation(FD, "transfers").has_value() ||
                  (Declared && Declared->Role == ApiRole::Begin);
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

  State Init;
  Init.Facts = EntryFacts;
  join(&Cfg.getEntry(), std::move(Init));

  const CFGBlock *ExitBlock = &Cfg.getExit();
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  SourceLocation EndLoc = Body ? Body->getRBracLoc() : FD->getEndLoc();

  unsigned Steps = 0;
  for (int Next = Pending.find_first(); Next != -1; Next = Pending.find_first()) {
    Pending.reset(Next);
    unsigned Id = BlockAtOrder[Next];
    const CFGBlock *B = ById[Id];
    if (!B)
      continue;
    if (++Steps > 200000) {
      Out.Report.NotAnalysed = "the analysis exceeded its step budget";
      Out.Unknown = true;
      return;
    }
    std::vector<State> &States = BlockStates;
    States.assign(In[Id].begin(), In[Id].end());
    for (const CFGElement &E : *B) {
      transferElement(E, States);
      if (States.empty())
        break;
      // clang ends a throw's block with an edge to the exit or the try dispatch, without
      // the destructors: leave through raise() instead.
      if (auto CS = E.getAs<CFGStmt>(); CS && isa<CXXThrowExpr>(CS->getStmt())) {
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
    bool Refines = Binary && !Constant && conditionMatters(CondE);
    // Loops and conditions on the witness path; the `&&`/`||` operands as well.
    // A constant condition (`while (0)` in a macro) is no decision.
    // A `?:`, `&&` or `||` inside a system header's macro (HRESULT_FROM_WIN32) is
    // not the user's decision.
    bool IsDecision =
        Binary && !Constant && !(ExprTerm && A.SM.isInSystemMacro(Term->getBeginLoc()));
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

void FunctionRun::finish() {
  boundOutcomes(Out.Outcomes, A.Config.MaxStatesPerPoint);
  boundOutcomes(Out.Throws, A.Config.MaxStatesPerPoint);
  bool HasEnd = A.Info[FD].ContainsEnd;
  // A begin-wrapper: nothing but neutral calls while its own impersonation is in force,
  // and no end anywhere in it. Its callers are checked instead.
  bool Wrapper = !Leaks.empty() && !HasEnd;
  for (const Stmt *Site : LeakOrder)
    Wrapper = Wrapper && !ActedSites.count(Site);
  Out.BeginWrapper = Wrapper;
  Out.Report.IsBeginWrapper = Wrapper;
  Out.Report.IsThreadStartRoutine = A.ThreadStarts.count(FD->getCanonicalDecl()) > 0;
  if (Wrapper)
    Out.Report.DebugNotes.push_back(
        {FD->getLocation(), "'" + FD->getNameAsString() +
                                "' is a begin-wrapper: its callers are checked for the revert"});
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

} // namespace

const Summary &
TranslationUnitAnalysis::Impl::summarize(const FunctionDecl *FD,
                                         const std::vector<std::pair<KeyId, AbsVal>> &Context) {
  ContextKey Key{FD, Context};
  if (auto It = Summaries.find(Key); It != Summaries.end())
    return It->second;
  if (auto It = InProgress.find(Key); It != InProgress.end()) {
    // Recursion: use the previous round's answer, or treat the call as unknown.
    RecursionHit[Key] = true;
    static const Summary UnknownSummary = [] {
      Summary S;
      Outcome O;
      S.Outcomes.push_back(O);
      return S;
    }();
    if (auto P = Summaries.find(Key); P != Summaries.end())
      return P->second;
    return UnknownSummary;
  }
  FactList Entry(Context.begin(), Context.end());
  Summary Result;
  for (unsigned Round = 0; Round < 3; ++Round) {
    InProgress.insert(Key);
    RecursionHit.erase(Key);
    Summary S;
    FunctionRun(*this, FD, Entry, S).run();
    InProgress.erase(Key);
    bool Recursive = RecursionHit.count(Key);
    bool Settled = !Recursive || (Round > 0 && S.Outcomes == Result.Outcomes);
    Result = std::move(S);
    if (Settled)
      break;
    if (Round == 2) {
      Result.Unknown = true;
      Result.Report.DebugNotes.push_back(
          {FD->getLocation(), "the recursion through '" + FD->getNameAsString() +
                                  "' did not settle in three rounds; its summary is unknown"});
      break;
    }
    // Give the next round this round's answer for the recursive calls.
    Summaries[Key] = Result;
  }
  Summaries[Key] = std::move(Result);
  return Summaries[Key];
}

const std::vector<FunctionReport> &TranslationUnitAnalysis::Impl::reports() {
  if (Done)
    return Reports;
  Done = true;
  // Every function definition of the traversal scope outside system headers, template
  // instantiations included; scanning their bodies finds lambdas and thread routines.
  std::vector<const FunctionDecl *> Functions;
  for (Decl *D : Ctx.getTraversalScope())
    collectFunctions(D, Functions);
  for (size_t I = 0; I < Functions.size() || !Lambdas.empty(); ++I) {
    if (I >= Functions.size()) {
      Functions.insert(Functions.end(), Lambdas.begin(), Lambdas.end());
      Lambdas.clear();
    }
    if (I < Functions.size() && definitionOf(Functions[I]) == Functions[I])
      isRelevant(Functions[I]);
  }
  for (const FunctionDecl *FD : Functions)
    if (definitionOf(FD) == FD && isRelevant(FD))
      roots(FD);
  llvm::SmallPtrSet<const FunctionDecl *, 32> Seen;
  for (const FunctionDecl *FD : Functions) {
    if (!Seen.insert(FD).second || definitionOf(FD) != FD)
      continue;
    AllFunctions.push_back(FD);
    if (!isRelevant(FD))
      continue;
    // Only a function that may begin can leave impersonation in force: the others are
    // reported on by their callers, and analysed here for the identities at their calls.
    const Summary &S = summarize(FD, {});
    if (!Info[FD].MayBegin)
      continue;
    FunctionReport R = S.Report;
    R.Function = FD;
    Reports.push_back(std::move(R));
  }
  return Reports;
}

void TranslationUnitAnalysis::Impl::collectFunctions(const Decl *D,
                                                     std::vector<const FunctionDecl *> &Out) {
  if (!isa<TranslationUnitDecl>(D) && SM.isInSystemHeader(D->getLocation()))
    return;
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      Out.push_back(FD);
    return;
  }
  if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D)) {
    for (const FunctionDecl *Spec : FT->specializations())
      if (Spec->doesThisDeclarationHaveABody())
        Out.push_back(Spec);
    return;
  }
  if (const auto *CT = dyn_cast<ClassTemplateDecl>(D)) {
    for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
      collectFunctions(Spec, Out);
    return;
  }
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D); RD && RD->isDependentContext())
    return;
  if (const auto *DC = dyn_cast<DeclContext>(D))
    if (isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl, RecordDecl>(D))
      for (const Decl *Child : DC->decls())
        collectFunctions(Child, Out);
}

// ---------------------------------------------------------------------------------------
// Operations: what runs with which identity, answered from the runs' observations, the
// call graph and the client's data.

namespace {

bool isStdStringLike(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string N = ApiModel::stdName(RD);
  return N == "basic_string" || N == "basic_string_view" || N == "filesystem::path";
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
};

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

static const Expr *stripName(const Expr *E) {
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
  llvm::ArrayRef<const Expr *> Args = callArgs(Call);
  for (int I : {Op.NameArg, Op.NameArg2})
    if (I >= 0 && unsigned(I) < Args.size() && !isFixedName(Args[I]))
      return false;
  return true;
}

namespace {

/// What a function of the translation unit passes on from its parameters: (parameter,
/// output) pairs, the output a pointer or reference parameter (what it points to) or -1,
/// the returned value.
struct Derivation {
  llvm::SmallVector<std::pair<unsigned, int>, 2> Flows;
};
class Derivations;
const Derivation *derivationOf(Derivations *D, const FunctionDecl *F);

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

} // namespace

static FunctionText readFunction(TranslationUnitAnalysis::Impl &A, const FunctionDecl *FD) {
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
      discarded(If->getThen());
      discarded(If->getElse());
    } else if (const auto *SC = dyn_cast<SwitchCase>(S)) {
      discarded(SC->getSubStmt());
    } else if (const auto *L = dyn_cast<LabelStmt>(S)) {
      discarded(L->getSubStmt());
    } else if (const auto *W = dyn_cast<WhileStmt>(S)) {
      discarded(W->getBody());
    } else if (const auto *F = dyn_cast<ForStmt>(S)) {
      discarded(F->getBody());
    } else if (const auto *D = dyn_cast<DoStmt>(S)) {
      discarded(D->getBody());
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

namespace {

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

const Derivation *derivationOf(Derivations *D, const FunctionDecl *F) {
  return D && F ? D->of(F) : nullptr;
}

} // namespace

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
        // The current user's hive is the client's object by its nature.
        Acc.ClientNamed = Acc.Origin.has_value() ||
                          (Op->NameArg < 0 && Op->Name == "RegOpenCurrentUser" && Handler[FD]);
        if (!Acc.ClientNamed && !(StrictMode && Handler[FD]))
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

const OperationReport &TranslationUnitAnalysis::operations(const OperationQuery &Query) {
  I->reports();
  auto Key = std::make_pair(Query.RequestHandlers, Query.StrictMode);
  auto It = I->OperationReports.find(Key);
  if (It == I->OperationReports.end())
    It = I->OperationReports.emplace(Key, I->computeOperations(Query)).first;
  return It->second;
}

// ---------------------------------------------------------------------------------------

TranslationUnitAnalysis::TranslationUnitAnalysis(ASTContext &Ctx, const EngineConfig &Config)
    : I(std::make_unique<Impl>(Ctx, Config)) {}
TranslationUnitAnalysis::~TranslationUnitAnalysis() = default;

const std::vector<FunctionReport> &TranslationUnitAnalysis::reports() { return I->reports(); }

std::shared_ptr<TranslationUnitAnalysis>
TranslationUnitAnalysis::get(ASTContext &Ctx, const EngineConfig &Config) {
  // clangd builds several translation units at once, on several threads.
  static std::mutex Lock;
  static std::map<std::pair<const ASTContext *, EngineConfig>, std::weak_ptr<TranslationUnitAnalysis>>
      Live;
  std::lock_guard<std::mutex> Guard(Lock);
  auto Key = std::make_pair(&Ctx, Config);
  if (auto It = Live.find(Key); It != Live.end())
    if (auto Shared = It->second.lock())
      return Shared;
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  auto Shared = std::make_shared<TranslationUnitAnalysis>(Ctx, Config);
  Live[Key] = Shared;
  return Shared;
}

} // namespace clang::tidy::impersonation
