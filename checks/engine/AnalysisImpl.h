// The translation unit's analysis behind TranslationUnitAnalysis: what every run of the
// engine shares (relevance, tracked roots, summaries by calling context, what the runs
// observed at calls) and small helpers on calls used across the engine. Its members are
// defined by concern: Relevance.cpp, Summaries.cpp, Operations.cpp. Internal to the
// engine: the checks include ImpersonationAnalysis.h only.
#pragma once

#include "ApiModel.h"
#include "ImpersonationAnalysis.h"
#include "engine/State.h"
#include "engine/Values.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace clang::tidy::impersonation {
namespace detail {
class FactLiveness;

/// The library functions whose results the engine computes (FunctionRun::modelledResult):
/// GetLastError() after a failed begin, and the HRESULT conversions of error codes.
enum class ModelledCall : uint8_t { None, GetLastError, HResultFromWin32, HResultFromNt };
inline ModelledCall modelledCall(const FunctionDecl *F) {
  if (!F || !F->getIdentifier())
    return ModelledCall::None;
  llvm::StringRef N = F->getName();
  if (N == "GetLastError")
    return ModelledCall::GetLastError;
  if (N == "HRESULT_FROM_WIN32")
    return ModelledCall::HResultFromWin32;
  if (N == "HRESULT_FROM_NT")
    return ModelledCall::HResultFromNt;
  return ModelledCall::None;
}
}

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
  detail::KeyTable Keys;
  IdentityTable Tokens;

  struct FunctionInfo {
    enum { Unvisited, Visiting, Done } Relevance = Unvisited;
    bool Relevant = false;   // takes part in impersonation (directly or through callees)
    bool MayBegin = false;   // begins, or calls something that may begin: worth a report
    bool ContainsEnd = false;
    bool RootsComputed = false;
    llvm::SmallPtrSet<const ValueDecl *, 8> Roots;        // tracked roots in this function
    llvm::SmallPtrSet<const ValueDecl *, 8> ContextRoots; // those its summaries depend on
    // Roots tracked only at and below these paths: what a begin, an end or a relevant
    // call is handed (`req->token`), not every field of `req` the body tests.
    llvm::DenseMap<const ValueDecl *, llvm::SmallVector<detail::PathKey, 2>> PathRoots;
    bool tracks(const detail::PathKey &K) const {
      if (!K.Root || Roots.count(K.Root))
        return true;
      auto It = PathRoots.find(K.Root);
      return It != PathRoots.end() &&
             llvm::any_of(It->second, [&](const detail::PathKey &P) { return K.hasPrefix(P); });
    }
    llvm::SmallPtrSet<const FieldDecl *, 8> Fields;       // fields its body names
    llvm::SmallPtrSet<const ParmVarDecl *, 4> TestedParams; // read as values in conditions
    std::unique_ptr<llvm::SmallPtrSet<const FieldDecl *, 16>> FieldsWithCallees;
    std::vector<const FunctionDecl *> Callees;            // relevant functions it calls
    std::shared_ptr<detail::FactLiveness> Liveness;       // built at its first run
  };
  // References into it are held across calls that add entries: a node-based map keeps
  // them valid.
  std::unordered_map<const FunctionDecl *, FunctionInfo> Info;
  llvm::SmallPtrSet<const FunctionDecl *, 8> ThreadStarts;
  llvm::SmallPtrSet<const ValueDecl *, 8> TrackedGlobals;
  std::map<detail::ContextKey, detail::Summary, detail::ContextLess> Summaries;
  // summaries being computed (recursion)
  std::set<detail::ContextKey, detail::ContextLess> InProgress;
  std::map<detail::ContextKey, bool, detail::ContextLess> RecursionHit;
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
    // A virtual call runs one of the overrides the file defines.
    if (const CXXMethodDecl *V = virtualTarget(E)) {
      for (const FunctionDecl *Def : overridesOf(V))
        if (isRelevant(Def))
          return Def;
      return nullptr;
    }
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

  /// The method a call dispatches virtually (not a qualified `Base::f()` call, not a
  /// final method), or null.
  static const CXXMethodDecl *virtualTarget(const Expr *E) {
    const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E);
    const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
    if (!MD || !MD->isVirtual() || MD->hasAttr<FinalAttr>() ||
        (MD->getParent() && MD->getParent()->hasAttr<FinalAttr>()))
      return nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
        ME && ME->hasQualifier())
      return nullptr;
    return MD->getCanonicalDecl();
  }
  /// The definitions in the file a virtual call of \p MD may run: its own and those of
  /// the methods that override it, directly or further down.
  const llvm::SmallVector<const FunctionDecl *, 2> &overridesOf(const CXXMethodDecl *MD) {
    auto [It, New] = Overrides.try_emplace(MD);
    if (!New)
      return It->second;
    llvm::SmallVector<const FunctionDecl *, 2> Found;
    for (const CXXMethodDecl *Def : VirtualDefs) {
      llvm::SmallVector<const CXXMethodDecl *, 4> Work{Def->getCanonicalDecl()};
      llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen;
      bool Overrides = false;
      while (!Work.empty() && !Overrides) {
        const CXXMethodDecl *M = Work.pop_back_val();
        if (!Seen.insert(M).second)
          continue;
        Overrides = M->getCanonicalDecl() == MD;
        for (const CXXMethodDecl *O : M->overridden_methods())
          Work.push_back(O->getCanonicalDecl());
      }
      if (Overrides)
        Found.push_back(Def);
    }
    return Overrides[MD] = std::move(Found);
  }
  llvm::DenseMap<const CXXMethodDecl *, llvm::SmallVector<const FunctionDecl *, 2>> Overrides;
  std::vector<const CXXMethodDecl *> VirtualDefs; // virtual methods the file defines
  const ApiEntry *api(const Expr *E) const {
    if (const auto *C = dyn_cast<CallExpr>(E))
      return Apis.lookup(C);
    return nullptr;
  }

  std::optional<detail::PathKey> keyOf(const Expr *E) const;
  /// The object an operand of a call names (`x`, `p->f`, `&ctx->h`), without a mask.
  std::optional<detail::PathKey> keyOfOperand(const Expr *Arg) const;
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

  const detail::Summary &
  summarize(const FunctionDecl *FD,
            const std::vector<std::pair<detail::KeyId, AbsVal>> &Ctx);

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
  /// Whether the function \p Def of the file may write what its parameter \p Index
  /// points to (an assignment through it, or handing it on to a call).
  bool writesThroughParam(const FunctionDecl *Def, unsigned Index);
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<bool, 4>> ParamWrites;
  /// The destructors that take part in impersonation when an object of \p RD dies: its
  /// own (when the file defines it), then its members' (last declared first, nested
  /// members too), each with the path of its object below the dying one.
  struct MemberDestructor {
    const FunctionDecl *Def;
    llvm::SmallVector<const FieldDecl *, 2> Path;
  };
  const std::vector<MemberDestructor> &destructorsOf(const CXXRecordDecl *RD);
  std::map<const CXXRecordDecl *, std::vector<MemberDestructor>> Destructors;
  /// Whether destroying an object of \p RD ends impersonation somewhere (a guard).
  bool destructionEnds(const CXXRecordDecl *RD) {
    for (const MemberDestructor &D : destructorsOf(RD))
      if (Info[D.Def].ContainsEnd)
        return true;
    return false;
  }
  /// Callees whose calls are work for the caller (see FunctionRun::isWork), by declaration.
  llvm::DenseMap<const FunctionDecl *, bool> WorkCallees;
  /// Whether \p Call is a protected operation or a call of a function that performs one.
  bool performsOperation(const Expr *Call) {
    if (Apis.operation(Call))
      return true;
    const FunctionDecl *Def = definitionOf(calleeOf(Call));
    return Def && operationsOf(Def).Any;
  }
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

// Called for every call the runs transfer: inline.
inline const FunctionDecl *TranslationUnitAnalysis::Impl::calleeOf(const Expr *E) const {
  if (const auto *C = dyn_cast<CallExpr>(E))
    return C->getDirectCallee();
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return C->getConstructor();
  return nullptr;
}

namespace detail {

/// The arguments of a call or a construction (none for anything else, or null).
inline llvm::ArrayRef<const Expr *> callArgs(const Expr *E) {
  if (const auto *C = dyn_cast_or_null<CallExpr>(E))
    return llvm::ArrayRef(C->getArgs(), C->getNumArgs());
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(E))
    return llvm::ArrayRef(C->getArgs(), C->getNumArgs());
  return {};
}

/// Calls \p Fn with what a call is handed: its arguments, then the object a member call
/// acts on.
template <class F> void forEachOperand(const Expr *Call, F &&Fn) {
  for (const Expr *Arg : callArgs(Call))
    Fn(Arg);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call))
    Fn(MC->getImplicitObjectArgument());
}

/// The arguments of a call that bind to \p Callee's parameters: a member operator call
/// passes its object as the first argument.
inline llvm::ArrayRef<const Expr *> argsForParams(const Expr *Call, const FunctionDecl *Callee) {
  llvm::ArrayRef<const Expr *> Args = callArgs(Call);
  if (isa_and_nonnull<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) && !Args.empty())
    return Args.drop_front();
  return Args;
}

/// Whether a parameter of type \p T lets the callee write what the argument points to.
inline bool writesThrough(QualType T) {
  return (T->isPointerType() && !T->getPointeeType().isConstQualified()) ||
         (T->isReferenceType() && !T.getNonReferenceType().isConstQualified());
}

/// What a message calls a begin: the API, the wrapper, the method, or a guard's class.
inline std::string beginSiteName(const Stmt *Site) {
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

} // namespace detail

} // namespace clang::tidy::impersonation
