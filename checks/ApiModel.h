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
  /// The row a declaration itself has (options, annotations, the built-in table).
  const ApiEntry *lookupDecl(const FunctionDecl *FD) const { return lookupFunction(FD); }
  /// Whether \p FD is one of the user's neutral functions or a built-in neutral one.
  bool isNeutral(const FunctionDecl *FD) const;
  /// The annotation on \p FD, if it carries one ("begin", "end", "transfers", "handler").
  static std::optional<std::string> annotation(const Decl *D, llvm::StringRef Which,
                                               std::string *Argument = nullptr);

  const std::vector<std::string> &errors() const { return Errors; }

private:
  const ApiEntry *lookupFunction(const FunctionDecl *FD) const;
  const ApiEntry *classify(const FunctionDecl *FD) const;
  const ApiEntry *lookupComMethod(const CallExpr *Call) const;

  llvm::StringMap<ApiEntry> Builtin;
  llvm::StringMap<ApiEntry> ComMethods; // keyed by method name
  llvm::StringMap<ApiEntry> UserByName;  // qualified name -> row (options)
  llvm::StringMap<bool> Neutral;
  std::vector<std::string> Errors;
  // Rows made for annotated functions, created on first lookup.
  mutable llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ApiEntry>> Annotated;
  // Every declaration is classified once per translation unit.
  mutable llvm::DenseMap<const FunctionDecl *, const ApiEntry *> FunctionCache;
  mutable llvm::DenseMap<const FunctionDecl *, bool> NeutralCache;
};

} // namespace clang::tidy::impersonation
