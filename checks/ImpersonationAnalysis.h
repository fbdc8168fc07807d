// The flow engine: a path-sensitive model of the current thread's impersonation state.
//
// An ESP-style property simulation (Das, Lerner, Seigle, PLDI 2002) over clang::CFG, for C
// and C++ alike. Each program point holds a small set of abstract states; a state is the
// identity in force (as the caller left it, the service's primary token, the client, the
// service itself, anonymous) plus facts about tracked expressions (locals, parameters,
// globals and field/pointer paths from them, optionally masked: `ctx->imp`,
// `req.flags & F`). A begin call splits a state into success and failure; branch
// conditions prune states and record what they learned.
//
// Guarantees and limits:
//  - States that differ are kept apart up to MaxStatesPerPoint per CFG block entry. Beyond
//    that, facts are dropped (never states), so no path is lost and the cost per block is
//    bounded: the whole analysis is linear in the CFG size, not in the number of paths.
//  - Only expressions that guard a begin, an end, a relevant call or an assignment to a
//    tracked expression are tracked (the ESP rule); everything else is not modelled.
//  - Calls to functions defined in the translation unit use summaries computed on demand
//    for each calling context (facts on arguments and what they point to). A recursive
//    group gets three rounds; a call still unresolved then is treated as unknown.
//  - What clang's CFG leaves out is added: destructors of in-scope objects on throw edges,
//    `__try/__finally` (lowered: the finally runs on return, goto, break, continue,
//    `__leave` and fall-through), edges from calls inside `__try`/`try` to the handlers.
//    A function that still has no CFG is reported as not analysed, never as clean.
//  - Exceptions thrown by calls outside a local try are not followed; explicit throws and
//    C++ noreturn calls that are not listed terminators (and not noexcept) are.
//
// One analysis per translation unit and engine configuration, shared by every check and
// freed when the last check lets go of it (at the end of the translation unit). Its pieces
// are in engine/: AnalysisImpl.h, FunctionRun.h and a file per concern.
#pragma once

#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::impersonation {

struct EngineConfig {
  std::string BeginFunctions;
  std::string EndFunctions;
  std::string NeutralFunctions;
  unsigned MaxStatesPerPoint = 16;
  /// State operations (a state through a CFG element, a comparison at a join) one run
  /// of one function may spend before the function is reported as not analysed.
  unsigned AnalysisBudget = 1000000;

  bool operator<(const EngineConfig &O) const {
    return std::tie(BeginFunctions, EndFunctions, NeutralFunctions, MaxStatesPerPoint,
                    AnalysisBudget) < std::tie(O.BeginFunctions, O.EndFunctions,
                                               O.NeutralFunctions, O.MaxStatesPerPoint,
                                               O.AnalysisBudget);
  }
};

/// A note on the way from a begin to a problem: a branch decision, an exit.
struct PathNote {
  SourceLocation Loc;
  std::string Text;
};

enum class ExitKind : uint8_t { Return, FallOff, Throw };

struct LeakExit {
  SourceLocation Loc;
  ExitKind Kind;
};

/// A begin whose impersonation is still in force at one or more exits of its function.
struct Leak {
  const Stmt *BeginSite = nullptr; // the begin call, or a call/construction of a wrapper
  std::string BeginName;           // what the message names: the API or the wrapper
  bool ViaWrapper = false;
  bool Com = false;          // COM reverts by itself when the call ends
  std::vector<LeakExit> Exits;   // sorted by source position, distinct
  std::vector<PathNote> Witness; // branch decisions from the begin to the first exit
};

struct FunctionReport {
  const FunctionDecl *Function = nullptr;
  bool IsThreadStartRoutine = false;
  bool IsBeginWrapper = false;
  bool Transfers = false; // marked impersonation::transfers
  std::vector<Leak> Leaks;
  /// Set when the function contains impersonation calls but could not be analysed.
  std::optional<std::string> NotAnalysed;
  /// Where the engine lost precision or gave up on a callee (shown under a debug option).
  std::vector<PathNote> DebugNotes;
  /// A revert helper (it ends, never begins) that returns without its end on a path
  /// decided by something the impersonation did not set (a global, a query): where it
  /// returns, and the branch decisions that lead there. Every caller leaks on that path.
  struct SkippedRevert {
    SourceLocation Exit;
    std::vector<PathNote> Witness;
  };
  std::optional<SkippedRevert> SkipsRevert;
};

/// A begin whose failure the code may not notice: some protected operation (an access or
/// spawn, or a call that does one) runs after it failed, with the identity it meant to
/// replace.
struct UncheckedBegin {
  const Stmt *BeginSite = nullptr; // the begin call, or the call of a begin-wrapper
  std::string BeginName;
  const Expr *Operation = nullptr; // the first protected operation on the witness path
  std::string OperationName;
  std::vector<PathNote> Witness;   // branch decisions from the begin to the operation
  /// Set when the begin is inside a wrapper that returns without telling its callers that
  /// it failed (void, a constant, no out-parameter): where it returns.
  const FunctionDecl *SwallowedBy = nullptr;
  SourceLocation SwallowedAt;
};

/// Where the client's data in an object name came from.
struct ClientDataOrigin {
  enum Kind : uint8_t { Received, Parameter, UsedAsClient, PassedIn } K = Received;
  SourceLocation Loc;
  std::string Name; // the parameter, or the API that used the name as the client's object
  SourceLocation PassedAt; // PassedIn: the caller's argument
  const ParmVarDecl *Param = nullptr; // Parameter and PassedIn
};

/// An access that runs while the thread does not act as the client.
struct PrimaryAccess {
  const Expr *Call = nullptr;
  std::string Api;
  bool ClientNamed = false;       // false: only reported in strict mode
  bool ThreadIdentityObject = false; // chosen by who the thread is (hive, profile, secrets)
  bool OnlyAfterFailedBegin = false; // every such path passes a begin that failed unnoticed
  std::optional<ClientDataOrigin> Origin;
  enum IdentityNote : uint8_t { None, EndedAt, BeginsLaterAt } Note = None;
  SourceLocation NoteLoc;
};

/// A process, thread or pool work item started while the thread impersonates.
struct SpawnWhileImpersonating {
  const Expr *Call = nullptr;
  std::string Api;
  OperationKind Kind = OperationKind::Process;
  SourceLocation BeginLoc;  // the begin in force, when known
  SourceLocation CallerLoc; // the call of the enclosing function made while impersonating
  std::string Callee;       // that function's name
};

/// A revert whose result is discarded.
struct IgnoredRevert {
  const CallExpr *Call = nullptr;
  std::string Api;
};

/// What the checks other than missing-revert ask of the analysis.
struct OperationReport {
  std::vector<UncheckedBegin> Unchecked;
  std::vector<PrimaryAccess> Accesses;
  std::vector<SpawnWhileImpersonating> Spawns;
  std::vector<IgnoredRevert> IgnoredReverts;
};

/// Options that shape the operation report.
struct OperationQuery {
  std::string RequestHandlers; // regex on qualified names: their parameters are client data
  bool StrictMode = false;     // report every access outside the client's identity in handlers
};

class TranslationUnitAnalysis {
public:
  /// The shared analysis of \p Ctx under \p Config, created on first use.
  static std::shared_ptr<TranslationUnitAnalysis> get(ASTContext &Ctx,
                                                      const EngineConfig &Config);
  TranslationUnitAnalysis(ASTContext &Ctx, const EngineConfig &Config);
  ~TranslationUnitAnalysis();

  /// Analyses every function of the traversal scope that takes part in impersonation
  /// (once; later calls return the same reports), in source order.
  const std::vector<FunctionReport> &reports();

  /// Operations run with the wrong identity (after reports(); computed once per query).
  const OperationReport &operations(const OperationQuery &Query);

  class Impl;

private:
  std::unique_ptr<Impl> I;
};

} // namespace clang::tidy::impersonation
