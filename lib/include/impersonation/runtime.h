// The impersonation runtime: real per-thread impersonation on Linux.
//
// Linux keeps credentials per thread in the kernel. glibc's setuid family broadcasts a
// change to every thread of the process; the raw setgroups/setresgid/setresuid system
// calls change only the calling thread. This library uses only the raw calls, so a
// thread that impersonates an account really runs as that account: the kernel's own
// permission checks decide every file access, exactly as Windows' access checks run
// against a thread's impersonation token.
//
// Everything here is thread-safe. Errors are values (Result<T>); nothing throws.
// See docs/runtime.md for the account table, the facade and what differs from Windows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace impersonation::rt {

// ---- errors as values ---------------------------------------------------------------

// A Windows error code (winerror.h value, e.g. 5 = ERROR_ACCESS_DENIED) and a message.
struct Error {
  uint32_t code = 0;
  std::string message;
};

// Either a T or an Error. value() on an error aborts with the error's message.
template <class T> class [[nodiscard]] Result {
public:
  Result(T value) : value_(std::move(value)) {}
  Result(Error error) : error_(std::move(error)) {}
  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T &value() const & { check(); return *value_; }
  T &value() & { check(); return *value_; }
  T &&value() && { check(); return std::move(*value_); }
  const Error &error() const { return error_; }

private:
  void check() const;
  std::optional<T> value_;
  Error error_;
};

template <> class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(Error error) : failed_(true), error_(std::move(error)) {}
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error &error() const { return error_; }

private:
  bool failed_ = false;
  Error error_;
};
using Status = Result<void>;

[[noreturn]] void fatal(const std::string &message); // prints "impersonation runtime: ..." and aborts

template <class T> void Result<T>::check() const {
  if (!value_)
    fatal("Result::value() on an error: " + error_.message);
}

// Maps an errno value to the Windows error code the facade reports for it.
uint32_t windowsErrorFromErrno(int err);

// ---- identities, accounts, tokens ---------------------------------------------------

// What the kernel uses for permission checks: effective uid, effective gid, supplementary
// groups (sorted, duplicates removed).
struct Identity {
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;
  bool operator==(const Identity &other) const;
  bool operator!=(const Identity &other) const { return !(*this == other); }
  std::string str() const; // "uid=61001 gid=61001 groups=61001,61100"
};

// All credentials of the calling thread, read with raw system calls.
struct Credentials {
  uid_t ruid = 0, euid = 0, suid = 0, fsuid = 0;
  gid_t rgid = 0, egid = 0, sgid = 0, fsgid = 0;
  std::vector<gid_t> groups;
};

// Test accounts live in a reserved numeric range, not in /etc/passwd: nothing on the
// machine owns these ids, so a file a test gives to "bob" is bob's alone.
inline constexpr uid_t kAccountIdFirst = 61000;
inline constexpr uid_t kAccountIdLast = 61999;

// The fixed table (uid = primary gid):
//   alice   61001  groups 61001, 61100 (users)
//   bob     61002  groups 61002, 61100 (users)
//   carol   61003  groups 61003, 61100 (users), 61101 (payroll)
//   mallory 61004  groups 61004
//   anonymous 61999 groups 61999   (the identity of ImpersonateAnonymousToken)
// Group ids: users 61100, payroll 61101. Passwords (for LogonUserW) equal the user name.
inline constexpr uid_t kAlice = 61001, kBob = 61002, kCarol = 61003, kMallory = 61004;
inline constexpr uid_t kAnonymous = 61999;
inline constexpr gid_t kUsersGroup = 61100, kPayrollGroup = 61101;

struct Account {
  std::string name;
  std::string password;
  uid_t uid;
  gid_t gid;
  std::vector<gid_t> groups; // supplementary groups, including gid
};

const std::vector<Account> &accounts();
// Case-insensitive, like Windows account names. nullptr when unknown.
const Account *findAccount(std::string_view name);
const Account *findAccount(uid_t uid);
// The account's name, "root" for 0, else the passwd name or "uid<N>".
std::string userName(uid_t uid);

// Values are those of Windows' TOKEN_TYPE and SECURITY_IMPERSONATION_LEVEL.
enum class TokenType { Primary = 1, Impersonation = 2 };
enum class Level { Anonymous = 0, Identify = 1, Impersonate = 2, Delegate = 3 };
const char *levelName(Level level); // "Anonymous", "Identify", ...

struct Token {
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;
  TokenType type = TokenType::Impersonation;
  Level level = Level::Impersonate;

  Identity identity() const; // groups sorted and deduplicated
  std::string str() const;   // "alice (uid=61001 ...) Impersonation/Impersonate"
};

// A token for one of the accounts (ERROR_NO_SUCH_USER when the name is unknown).
Result<Token> accountToken(std::string_view name, Level level = Level::Impersonate,
                           TokenType type = TokenType::Impersonation);
// LogonUser: name and password checked against the account table; a primary token.
// ERROR_LOGON_FAILURE on a wrong password or unknown user.
Result<Token> logon(std::string_view name, std::string_view password);

// The process's identity, captured once when the library is loaded (before main) with
// raw system calls. Type Primary. Reverting returns a thread to exactly this.
const Token &primaryToken();

// ---- the calling thread --------------------------------------------------------------

// Where a begin came from; the facade fills it from its callers' __FILE__/__LINE__.
struct Site {
  const char *api = nullptr;  // e.g. "ImpersonateNamedPipeClient"
  const char *file = nullptr; // static storage (a __FILE__ literal)
  unsigned line = 0;
};

// Whose identity a thread acts with.
//   Service:   no thread token; the process's own identity.
//   Self:      a thread token with the process's identity (ImpersonateSelf and the like).
//   Client:    a thread token for anyone else (any level).
//   Anonymous: the anonymous account (ImpersonateAnonymousToken).
enum class Actor { Service, Self, Client, Anonymous };
const char *actorName(Actor actor); // "service", "self", "client", "anonymous"

// The token in force on the calling thread, if any, and the begin that put it there.
struct ThreadToken {
  Token token;
  Site site;
};

// Makes the calling thread (only) run as `token`: setgroups, setresgid(-1, g, -1),
// setresuid(-1, u, -1) as raw system calls. A thread that already impersonates goes back
// to the primary identity first (it needs its capabilities to switch). On failure the
// thread is back on the primary identity and the error says why
// (ERROR_PRIVILEGE_NOT_HELD without CAP_SETUID/CAP_SETGID).
// The token's level is kept: at Identify or Anonymous the facade refuses to open objects.
Status impersonate(const Token &token, Site site = {});

// Back to the primary identity: uid first (that restores the capabilities), then gid,
// then groups, verified by reading them back. A revert that fails aborts the process
// with a message: the thread never continues as the client.
void revert();

// The calling thread's effective identity, read back with raw getresuid/getresgid/
// getgroups system calls (never from a variable of this library).
Identity current();
Credentials currentCredentials();

// The token this library put on the calling thread, if any.
std::optional<ThreadToken> threadToken();
// Whose identity the calling thread acts with, from the read-back identity and the token.
Actor actor();
// True when the thread has a token in force or its read-back identity is not primary.
bool isImpersonating();

// What Windows decides outside the file system: a thread whose token is at Identify or
// Anonymous level cannot open objects (ERROR_BAD_IMPERSONATION_LEVEL). Ok otherwise.
Status checkCanOpenObjects();

// The calling thread's effective capability set (capget), e.g. to check that a revert
// gave root its capabilities back.
uint64_t effectiveCapabilities();
// True when the calling thread can impersonate (CAP_SETUID and CAP_SETGID effective).
// Tests that need it skip with impersonationUnavailableReason() otherwise.
bool canImpersonate();
std::string impersonationUnavailableReason();

// RAII: impersonates in the constructor, restores what was in force before (the previous
// token, or the primary identity) in the destructor. Check ok() before relying on it.
class [[nodiscard]] ImpersonationScope {
public:
  explicit ImpersonationScope(const Token &token, Site site = {});
  ~ImpersonationScope();
  ImpersonationScope(const ImpersonationScope &) = delete;
  ImpersonationScope &operator=(const ImpersonationScope &) = delete;
  bool ok() const { return status_.ok(); }
  const Status &status() const { return status_; }

private:
  Status status_;
  std::optional<ThreadToken> previous_;
};

// Runs `fn` on the calling thread after putting it on the primary identity, then puts
// back what was in force. For helpers that must act as the service (setting up files).
template <class F> auto asService(F &&fn) {
  std::optional<ThreadToken> saved = threadToken();
  if (saved) revert();
  struct Restore {
    std::optional<ThreadToken> &saved;
    ~Restore() {
      if (saved && !impersonate(saved->token, saved->site).ok())
        fatal("could not restore the thread token after asService");
    }
  } restore{saved};
  return fn();
}

// ---- file system and Windows-path helpers (for tests and scenarios) -----------------

// The directory the facade maps Windows paths into. Set by setWindowsRoot() or the
// IMPERSONATION_ROOT environment variable; otherwise the current directory at first use.
//   "C:\\a\\b"   -> <root>/C/a/b        (any drive letter: <root>/<LETTER>/...)
//   "\\a\\b"     -> <root>/a/b          (rooted paths: the root of the current drive)
//   "a\\b"       -> <root>/a/b          (relative: the root is the current directory)
//   "/abs/path"  -> unchanged           (a Linux absolute path)
// Both separators are accepted; "\\\\?\\" prefixes are dropped; ".." is left to the kernel.
void setWindowsRoot(const std::string &hostDir);
std::string windowsRoot();
std::string hostPath(std::wstring_view windowsPath);
std::string hostPath(std::string_view windowsPath);

// Creates (or replaces) a file with `content`, owner uid:gid and `mode` (exact, no umask).
// Missing parent directories are created root-owned 0755. Runs as the service.
Status makeFile(const std::string &path, std::string_view content, uid_t owner, gid_t group,
                mode_t mode);
Status makeFile(const std::string &path, std::string_view content, const Account &owner,
                mode_t mode);
// Creates a directory (and root-owned 0755 parents) owned by uid:gid with `mode`.
Status makeDir(const std::string &path, uid_t owner, gid_t group, mode_t mode);
// Reads a whole file as the calling thread's current identity (kernel checks apply).
Result<std::string> readFile(const std::string &path);
// Removes a tree (as the service). Missing is fine.
Status removeTree(const std::string &path);

// A fresh directory under $TMPDIR (or /tmp), mode 0755 so every account can search it,
// removed with its contents on destruction. With setAsWindowsRoot the facade maps Windows
// paths into it for the scope's lifetime (and back to the previous root afterwards).
class TempRoot {
public:
  explicit TempRoot(bool setAsWindowsRoot = true);
  ~TempRoot();
  TempRoot(const TempRoot &) = delete;
  TempRoot &operator=(const TempRoot &) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string &path() const { return path_; }
  std::string operator/(std::string_view relative) const; // path() + "/" + relative

private:
  std::string path_;
  std::string previousRoot_;
  bool setRoot_;
};

// The registry is a directory tree under <root>/registry: one directory per key (names
// lower-cased, as keys are case-insensitive), one file per value ("=<name>", a 4-byte type
// then the data). Ownership and modes are real: reading a key needs r-x on its directory,
// setting values or creating subkeys needs -wx.
//   HKEY_LOCAL_MACHINE\Software\X -> <root>/registry/hkey_local_machine/software/x
//   HKEY_CURRENT_USER is HKEY_USERS\S-1-22-1-<uid> of the PROCESS's user (cached per
//   process, as on Windows); RegOpenCurrentUser uses the thread's user.
// `key` is a full name such as L"HKEY_LOCAL_MACHINE\\Software\\Payroll" (HKLM, HKCU,
// HKU, HKCR, HKCC abbreviations accepted).
Result<std::string> registryKeyPath(std::wstring_view key);
// Creates a key (parents root-owned 0755) owned by uid:gid with `mode`.
Status makeRegistryKey(std::wstring_view key, uid_t owner, gid_t group, mode_t mode);
// Sets a REG_SZ value (the string as wchar_t, NUL included) or REG_DWORD value, the
// value file owned by uid:gid with `mode`. Runs as the service.
Status setRegistryString(std::wstring_view key, std::wstring_view valueName,
                         std::wstring_view value, uid_t owner, gid_t group, mode_t mode);
Status setRegistryDword(std::wstring_view key, std::wstring_view valueName, uint32_t value,
                        uid_t owner, gid_t group, mode_t mode);

// UTF-8 <-> wchar_t (UTF-32 on Linux) conversion used at the facade's boundary.
std::string toUtf8(std::wstring_view text);
std::wstring fromUtf8(std::string_view text);

} // namespace impersonation::rt
