// The api model: what the checks know about each impersonation-related API.
//
// The rows live in ApiModel.def; this header gives them a type and a lookup that matches
// declarations, not spellings: Win32 functions at global scope that the translation unit
// does not define itself, IServerSecurity methods (C++ member calls and the C lpVtbl
// expansion), plus what the user adds through options and annotations.
#pragma once

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::impersonation {

/// How a call reports success.
enum class Convention : uint8_t {
  Bool,           // non-zero is success (TRUE)
  RpcStatus,      // RPC_S_OK (0) is success, failures are positive error codes
  HResult,        // >= 0 is success
  SecurityStatus, // SEC_E_OK (0) is success, failures are negative
  NtStatus,       // >= 0 is success
  Win32Error,     // ERROR_SUCCESS (0) is success, failures are positive error codes
  Void,           // always succeeds
  Pointer,        // non-null is success
};

enum class ApiRole : uint8_t { Begin, End, Terminator, ThreadStart, TokenCapture, Neutral };
enum class IdentityKind : uint8_t { Client, Self, Anonymous };
enum class ApiFamily : uint8_t {
  Pipe, Token, Dde, Rpc, Com, Sspi, Native, Kernel, Process, Thread, None, User
};
enum class ThreadNull : uint8_t { NullIsOther, NullIsCurrent };

struct ApiEntry {
  std::string Name;
  ApiRole Role;
  Convention Conv;
  IdentityKind Identity;
  ApiFamily Family;
  int ThreadArg;
  ThreadNull NullThread;
  int TokenArg;
  bool ConventionFromDecl = false; // option entry without a convention: the return type's
};

/// What an operation does with the thread's identity.
enum class OperationKind : uint8_t { Access, Process, Thread, PoolWork };

/// An operation that runs with the calling thread's identity (or, for a spawn, with the
/// process's primary token): rows IMPERSONATION_OPERATION and IMPERSONATION_STD_OPERATION.
struct OperationEntry {
  std::string Name;
  OperationKind Kind;
  int NameArg;
  int NameArg2;
  bool isSpawn() const { return Kind != OperationKind::Access; }
  /// Processes are also accesses: the command line names the program.
  bool isAccess() const { return Kind == OperationKind::Access || Kind == OperationKind::Process; }
};

/// A receive: rows IMPERSONATION_CLIENT_SOURCE.
struct ClientSourceEntry {
  std::string Name;
  int HandleArg;
  int BufferArg;
};

/// Copying, formatting, concatenation: rows IMPERSONATION_PROPAGATION.
struct PropagationEntry {
  std::string Name;
  bool Overwrites; // the destination holds only what the sources give (not an append)
  int DestArg;     // -1: only the result
  int FirstSource;
  int LastSource;  // -1: to the last argument
};

/// A spawn or pool call that can hand the caller's token to its work: rows
/// IMPERSONATION_HANDOVER.
struct HandoverEntry {
  std::string Name;
  int FlagsArg;
  uint64_t Flag;
};

/// An access decision made for the client with its token: rows IMPERSONATION_ACCESS_CHECK.
struct AccessCheckEntry {
  std::string Name;
  int TokenArg;
  int VerdictArg; // -1: the return value
};

/// Parses a convention name as written in options and annotations (BOOL, RPC_STATUS,
/// HRESULT, SECURITY_STATUS, NTSTATUS, WIN32_ERROR, VOID); std::nullopt if unknown.
std::optional<Convention> parseConvention(llvm::StringRef Text);
llvm::StringRef conventionName(Convention C);

/// The convention a function's return type implies: the typedef names of the Windows
/// headers (HRESULT, NTSTATUS, ...), void, bool and integers (BOOL).
Convention conventionFromReturnType(QualType T);

/// Every built-in row, in table order.
const std::vector<ApiEntry> &builtinApis();
/// The built-in neutral functions as a ';'-separated option value.
std::string defaultNeutralFunctions();

/// One API model per configuration: the built-in rows plus the user's options.
class ApiModel {
public:
  /// \p BeginFunctions: 'Name[:CONVENTION];...'; \p EndFunctions, \p NeutralFunctions:
  /// 'Name;...'. Malformed entries are collected in errors() and ignored.
  ApiModel(llvm::StringRef BeginFunctions, llvm::StringRef EndFunctions,
           llvm::StringRef NeutralFunctions);

  /// The row a call matches, or null. Annotated and option-named functions get rows too.
  const ApiEntry *lookup(const CallExpr *Call) const;
  /// The built-in row named \p Name (a global function), whoever declares it.
  const ApiEntry *builtinNamed(llvm::StringRef Name) const {
    auto It = Builtin.find(Name);
    return It == Builtin.end() ? nullptr : &It->second;
  }
  /// The row a declaration itself has (options, annotations, the built-in table).
  const ApiEntry *lookupDecl(const FunctionDecl *FD) const { return lookupFunction(FD); }
  /// Whether \p FD is one of the user's neutral functions or a built-in neutral one.
  bool isNeutral(const FunctionDecl *FD) const;
  /// The annotation on \p FD, if it carries one ("begin", "end", "transfers", "handler").
  static std::optional<std::string> annotation(const Decl *D, llvm::StringRef Which,
                                               std::string *Argument = nullptr);

  const std::vector<std::string> &errors() const { return Errors; }

  /// The operation a call or construction performs, or null.
  const OperationEntry *operation(const Expr *CallOrConstruct) const;
  const ClientSourceEntry *clientSource(const CallExpr *Call) const;
  const PropagationEntry *propagation(const CallExpr *Call) const;
  const HandoverEntry *handover(const CallExpr *Call) const;
  const AccessCheckEntry *accessCheck(const CallExpr *Call) const;
  /// Whether the object \p Call reaches is chosen by the thread's identity: the api
  /// table's identity rows, and registry calls on HKEY_CURRENT_USER or HKEY_CLASSES_ROOT.
  bool reachesThreadIdentityObject(const CallExpr *Call, const ASTContext &Ctx) const;
  /// The qualified name below std of a standard library declaration, without inline
  /// namespaces and template arguments ("filesystem::remove"); empty outside std.
  static std::string stdName(const NamedDecl *D);

private:
  const ApiEntry *lookupFunction(const FunctionDecl *FD) const;
  const ApiEntry *classify(const FunctionDecl *FD) const;
  const ApiEntry *lookupComMethod(const CallExpr *Call) const;

  llvm::StringMap<ApiEntry> Builtin;
  llvm::StringMap<ApiEntry> ComMethods; // keyed by method name
  llvm::StringMap<ApiEntry> UserByName;  // qualified name -> row (options)
  llvm::StringMap<bool> Neutral;
  llvm::StringMap<OperationEntry> Operations;
  llvm::StringMap<OperationEntry> StdOperations;
  llvm::StringMap<ClientSourceEntry> Sources;
  llvm::StringMap<PropagationEntry> Propagations;
  llvm::StringMap<HandoverEntry> Handovers;
  llvm::StringMap<AccessCheckEntry> AccessChecks;
  llvm::StringMap<bool> IdentityObjects;
  mutable llvm::DenseMap<const Decl *, const OperationEntry *> OperationCache;
  /// The row of \p Table named like \p FD, if FD is a system API declaration.
  template <typename T>
  const T *systemRow(const llvm::StringMap<T> &Table, const FunctionDecl *FD) const;
  std::vector<std::string> Errors;
  // Rows made for annotated functions, created on first lookup.
  mutable llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ApiEntry>> Annotated;
  // Every declaration is classified once per translation unit.
  mutable llvm::DenseMap<const FunctionDecl *, const ApiEntry *> FunctionCache;
  mutable llvm::DenseMap<const FunctionDecl *, bool> NeutralCache;
};

} // namespace clang::tidy::impersonation
