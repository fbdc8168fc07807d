// Per-thread credentials through raw system calls, the account table, tokens, and the
// file-system helpers tests use.
#include "impersonation/runtime.h"
#include "internal.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwctype>
#include <fcntl.h>
#include <ftw.h>
#include <linux/capability.h>
#include <mutex>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace impersonation::rt {

// ---- errors ---------------------------------------------------------------------------

void fatal(const std::string &message) {
  std::fprintf(stderr, "impersonation runtime: %s\n", message.c_str());
  std::fflush(stderr);
  std::abort();
}

uint32_t windowsErrorFromErrno(int err) {
  switch (err) {
  case 0: return 0;
  case ENOENT: return 2;                  // ERROR_FILE_NOT_FOUND
  case ENOTDIR: return 3;                 // ERROR_PATH_NOT_FOUND
  case EMFILE: case ENFILE: return 4;     // ERROR_TOO_MANY_OPEN_FILES
  case EACCES: case EPERM: return 5;      // ERROR_ACCESS_DENIED
  case EBADF: return 6;                   // ERROR_INVALID_HANDLE
  case ENOMEM: return 8;                  // ERROR_NOT_ENOUGH_MEMORY
  case EROFS: return 19;                  // ERROR_WRITE_PROTECT
  case EBUSY: case ETXTBSY: return 32;    // ERROR_SHARING_VIOLATION
  case EEXIST: return 80;                 // ERROR_FILE_EXISTS
  case EINVAL: return 87;                 // ERROR_INVALID_PARAMETER
  case ECONNRESET: return 109;            // ERROR_BROKEN_PIPE
  case ENOSPC: return 112;                // ERROR_DISK_FULL
  case ENAMETOOLONG: return 206;          // ERROR_FILENAME_EXCED_RANGE
  case EPIPE: return 232;                 // ERROR_NO_DATA
  case ENOTCONN: return 233;              // ERROR_PIPE_NOT_CONNECTED
  case ENOTEMPTY: return 145;             // ERROR_DIR_NOT_EMPTY
  case EISDIR: return 5;                  // ERROR_ACCESS_DENIED (as Windows on a directory)
  case ELOOP: return 1921;                // ERROR_CANT_RESOLVE_FILENAME
  case EXDEV: return 17;                  // ERROR_NOT_SAME_DEVICE
  case ECONNREFUSED: return 2;            // no pipe of that name: ERROR_FILE_NOT_FOUND
  case EAGAIN: return 170;                // ERROR_BUSY
  case EDQUOT: return 1295;               // ERROR_DISK_QUOTA_EXCEEDED
  case EFBIG: return 223;                 // ERROR_FILE_TOO_LARGE
  case ENOEXEC: return 193;               // ERROR_BAD_EXE_FORMAT
  case E2BIG: return 160;                 // ERROR_BAD_ARGUMENTS
  case ETIMEDOUT: return 1460;            // ERROR_TIMEOUT
  default: return 31;                     // ERROR_GEN_FAILURE
  }
}

static Error errnoError(const char *what, int err) {
  return Error{windowsErrorFromErrno(err), std::string(what) + ": " + std::strerror(err)};
}

// ---- identities -----------------------------------------------------------------------

static std::vector<gid_t> normalized(std::vector<gid_t> groups) {
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  return groups;
}

bool Identity::operator==(const Identity &other) const {
  return uid == other.uid && gid == other.gid && normalized(groups) == normalized(other.groups);
}

std::string Identity::str() const {
  std::string s = "uid=" + std::to_string(uid) + " gid=" + std::to_string(gid) + " groups=";
  bool first = true;
  for (gid_t g : normalized(groups)) {
    s += (first ? "" : ",") + std::to_string(g);
    first = false;
  }
  return s;
}

// ---- raw credential system calls ------------------------------------------------------

namespace {

std::vector<gid_t> rawGroups() {
  // getgroups on x86_64 is the 32-bit-id call; the raw form only reads the calling thread.
  for (;;) {
    long n = syscall(SYS_getgroups, 0, nullptr);
    if (n < 0)
      fatal(std::string("getgroups: ") + std::strerror(errno));
    std::vector<gid_t> groups(static_cast<size_t>(n) + 1);
    long m = syscall(SYS_getgroups, static_cast<int>(groups.size()), groups.data());
    if (m >= 0) {
      groups.resize(static_cast<size_t>(m));
      return normalized(groups);
    }
    if (errno != EINVAL) // EINVAL: the set grew in between
      fatal(std::string("getgroups: ") + std::strerror(errno));
  }
}

Token capturePrimary() {
  Credentials c = currentCredentials();
  Token t;
  t.uid = c.euid;
  t.gid = c.egid;
  t.groups = c.groups;
  t.type = TokenType::Primary;
  t.level = Level::Impersonate;
  return t;
}

thread_local std::optional<ThreadToken> t_token;

bool sameAsPrimary(const Identity &id) { return id == primaryToken().identity(); }

} // namespace

Credentials currentCredentials() {
  Credentials c;
  if (syscall(SYS_getresuid, &c.ruid, &c.euid, &c.suid) != 0 ||
      syscall(SYS_getresgid, &c.rgid, &c.egid, &c.sgid) != 0)
    fatal(std::string("getresuid/getresgid: ") + std::strerror(errno));
  // setfsuid(-1) changes nothing and returns the current value.
  c.fsuid = static_cast<uid_t>(syscall(SYS_setfsuid, -1));
  c.fsgid = static_cast<gid_t>(syscall(SYS_setfsgid, -1));
  c.groups = rawGroups();
  return c;
}

Identity current() {
  uid_t r, e, s;
  gid_t rg, eg, sg;
  if (syscall(SYS_getresuid, &r, &e, &s) != 0 || syscall(SYS_getresgid, &rg, &eg, &sg) != 0)
    fatal(std::string("getresuid/getresgid: ") + std::strerror(errno));
  return Identity{e, eg, rawGroups()};
}

const Token &primaryToken() {
  static const Token primary = capturePrimary();
  return primary;
}

// Captured before main, while no thread can have impersonated yet.
__attribute__((constructor)) static void capturePrimaryAtStartup() { (void)primaryToken(); }

// ---- accounts and tokens --------------------------------------------------------------

const std::vector<Account> &accounts() {
  static const std::vector<Account> table = {
      {"alice", "alice", kAlice, kAlice, {kAlice, kUsersGroup}},
      {"bob", "bob", kBob, kBob, {kBob, kUsersGroup}},
      {"carol", "carol", kCarol, kCarol, {kCarol, kUsersGroup, kPayrollGroup}},
      {"mallory", "mallory", kMallory, kMallory, {kMallory}},
      {"anonymous", "anonymous", kAnonymous, kAnonymous, {kAnonymous}},
  };
  return table;
}

static bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

const Account *findAccount(std::string_view name) {
  for (const Account &a : accounts())
    if (equalsIgnoreCase(a.name, name))
      return &a;
  return nullptr;
}

const Account *findAccount(uid_t uid) {
  for (const Account &a : accounts())
    if (a.uid == uid)
      return &a;
  return nullptr;
}

std::string userName(uid_t uid) {
  if (const Account *a = findAccount(uid))
    return a->name;
  if (uid == 0)
    return "root";
  struct passwd pw, *result = nullptr;
  char buf[1024];
  if (getpwuid_r(uid, &pw, buf, sizeof buf, &result) == 0 && result)
    return pw.pw_name;
  return "uid" + std::to_string(uid);
}

const char *levelName(Level level) {
  switch (level) {
  case Level::Anonymous: return "Anonymous";
  case Level::Identify: return "Identify";
  case Level::Impersonate: return "Impersonate";
  case Level::Delegate: return "Delegate";
  }
  return "?";
}

Identity Token::identity() const {
  std::vector<gid_t> g = groups;
  return Identity{uid, gid, normalized(std::move(g))};
}

std::string Token::str() const {
  return userName(uid) + " (" + identity().str() + ") " +
         (type == TokenType::Primary ? "Primary" : "Impersonation") + "/" + levelName(level);
}

Result<Token> accountToken(std::string_view name, Level level, TokenType type) {
  const Account *a = findAccount(name);
  if (!a)
    return Error{1317, "no such account: " + std::string(name)}; // ERROR_NO_SUCH_USER
  Token t;
  t.uid = a->uid;
  t.gid = a->gid;
  t.groups = a->groups;
  t.level = level;
  t.type = type;
  return t;
}

Result<Token> logon(std::string_view name, std::string_view password) {
  const Account *a = findAccount(name);
  if (!a || a->password != password)
    return Error{1326, "logon failure for " + std::string(name)}; // ERROR_LOGON_FAILURE
  return accountToken(a->name, Level::Impersonate, TokenType::Primary);
}

// ---- impersonate / revert -------------------------------------------------------------

void revert() {
  t_token.reset();
  const Token &p = primaryToken();
  Identity now = current();
  if (now == p.identity())
    return;
  // uid first: going back to the privileged uid restores the effective capabilities
  // that setgid/setgroups need.
  if (syscall(SYS_setresuid, -1, p.uid, -1) != 0)
    fatal(std::string("revert failed: setresuid(-1, ") + std::to_string(p.uid) +
          ", -1): " + std::strerror(errno) + " (thread was " + now.str() + ")");
  if (syscall(SYS_setresgid, -1, p.gid, -1) != 0)
    fatal(std::string("revert failed: setresgid: ") + std::strerror(errno));
  if (syscall(SYS_setgroups, p.groups.size(), p.groups.data()) != 0)
    fatal(std::string("revert failed: setgroups: ") + std::strerror(errno));
  Identity after = current();
  if (after != p.identity())
    fatal("revert failed: the thread reads back as " + after.str() + ", not " +
          p.identity().str());
}

Status impersonate(const Token &token, Site site) {
  Identity target = token.identity();
  if (t_token || !sameAsPrimary(current()))
    revert();
  if (sameAsPrimary(target)) {
    // The process's own identity (ImpersonateSelf): nothing changes in the kernel.
    t_token = ThreadToken{token, site};
    return {};
  }
  if (syscall(SYS_setgroups, target.groups.size(), target.groups.data()) != 0) {
    int err = errno;
    revert();
    if (err == EPERM)
      return Error{1314, "setgroups: needs CAP_SETGID (ERROR_PRIVILEGE_NOT_HELD)"};
    return errnoError("setgroups", err);
  }
  if (syscall(SYS_setresgid, -1, target.gid, -1) != 0) {
    int err = errno;
    revert();
    return errnoError("setresgid", err);
  }
  if (syscall(SYS_setresuid, -1, target.uid, -1) != 0) {
    int err = errno;
    revert();
    if (err == EPERM)
      return Error{1314, "setresuid: needs CAP_SETUID (ERROR_PRIVILEGE_NOT_HELD)"};
    return errnoError("setresuid", err);
  }
  Identity after = current();
  if (after != target) {
    revert();
    return Error{1359, "impersonation read back as " + after.str() + ", expected " +
                           target.str()}; // ERROR_INTERNAL_ERROR
  }
  t_token = ThreadToken{token, site};
  return {};
}

std::optional<ThreadToken> threadToken() { return t_token; }

const char *actorName(Actor actor) {
  switch (actor) {
  case Actor::Service: return "service";
  case Actor::Self: return "self";
  case Actor::Client: return "client";
  case Actor::Anonymous: return "anonymous";
  }
  return "?";
}

Actor actor() {
  Identity now = current();
  bool primary = sameAsPrimary(now);
  if (!t_token)
    return primary ? Actor::Service : Actor::Client; // changed behind the library's back
  if (now.uid == kAnonymous)
    return Actor::Anonymous;
  return primary ? Actor::Self : Actor::Client;
}

bool isImpersonating() { return t_token.has_value() || !sameAsPrimary(current()); }

Status checkCanOpenObjects() {
  if (t_token && t_token->token.level < Level::Impersonate)
    return Error{1346, std::string("the thread's token is at ") +
                           levelName(t_token->token.level) +
                           " level (ERROR_BAD_IMPERSONATION_LEVEL)"};
  return {};
}

uint64_t effectiveCapabilities() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  if (syscall(SYS_capget, &header, data) != 0)
    return 0;
  return uint64_t(data[0].effective) | (uint64_t(data[1].effective) << 32);
}

namespace {
struct Probe {
  bool ok = false;
  std::string reason;
};
const Probe &probe() {
  static const Probe result = [] {
    Probe p;
    // A throwaway thread tries a real switch, so a denied or unmapped id shows up here.
    std::thread t([&p] {
      Result<Token> alice = accountToken("alice");
      Status s = impersonate(alice.value());
      if (s.ok()) {
        p.ok = current().uid == kAlice;
        revert();
        if (!p.ok)
          p.reason = "impersonation did not take effect";
      } else {
        p.reason = s.error().message;
      }
    });
    t.join();
    if (!p.ok)
      p.reason = "per-thread impersonation needs root (CAP_SETUID and CAP_SETGID) and the "
                 "ids 61000-61999 mapped in this user namespace: " +
                 p.reason;
    return p;
  }();
  return result;
}
} // namespace

bool canImpersonate() { return probe().ok; }
std::string impersonationUnavailableReason() { return probe().reason; }

ImpersonationScope::ImpersonationScope(const Token &token, Site site) : previous_(t_token) {
  status_ = impersonate(token, site);
}

ImpersonationScope::~ImpersonationScope() {
  // A failed impersonate() left the thread on the primary identity; either way the thread
  // goes back to what was in force before the scope.
  if (previous_) {
    if (!impersonate(previous_->token, previous_->site).ok())
      fatal("could not restore the previous thread token");
  } else {
    revert();
  }
}

// ---- text ---------------------------------------------------------------------------

std::string toUtf8(std::wstring_view text) {
  std::string out;
  out.reserve(text.size());
  for (wchar_t wc : text) {
    uint32_t c = static_cast<uint32_t>(wc);
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
      c = 0xFFFD;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::wstring fromUtf8(std::string_view text) {
  std::wstring out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    uint32_t c;
    size_t n;
    if (b < 0x80) { c = b; n = 1; }
    else if ((b & 0xE0) == 0xC0) { c = b & 0x1F; n = 2; }
    else if ((b & 0xF0) == 0xE0) { c = b & 0x0F; n = 3; }
    else if ((b & 0xF8) == 0xF0) { c = b & 0x07; n = 4; }
    else { out += wchar_t(0xFFFD); ++i; continue; }
    if (i + n > text.size()) { out += wchar_t(0xFFFD); break; }
    bool good = true;
    for (size_t k = 1; k < n; ++k) {
      unsigned char cb = static_cast<unsigned char>(text[i + k]);
      if ((cb & 0xC0) != 0x80) { good = false; break; }
      c = (c << 6) | (cb & 0x3F);
    }
    if (!good) { out += wchar_t(0xFFFD); ++i; continue; }
    out += static_cast<wchar_t>(c);
    i += n;
  }
  return out;
}

// ---- Windows paths ------------------------------------------------------------------

namespace {
std::mutex g_rootMutex;
std::string g_root; // empty: not set explicitly
std::string g_defaultRoot;

std::string explicitRoot() {
  std::lock_guard<std::mutex> lock(g_rootMutex);
  return g_root;
}
} // namespace

void setWindowsRoot(const std::string &hostDir) {
  std::lock_guard<std::mutex> lock(g_rootMutex);
  g_root = hostDir;
  while (g_root.size() > 1 && g_root.back() == '/')
    g_root.pop_back();
}

std::string windowsRoot() {
  std::lock_guard<std::mutex> lock(g_rootMutex);
  if (!g_root.empty())
    return g_root;
  if (g_defaultRoot.empty()) {
    if (const char *env = std::getenv("IMPERSONATION_ROOT"); env && *env) {
      g_defaultRoot = env;
    } else {
      char buf[4096];
      g_defaultRoot = getcwd(buf, sizeof buf) ? buf : ".";
    }
    while (g_defaultRoot.size() > 1 && g_defaultRoot.back() == '/')
      g_defaultRoot.pop_back();
  }
  return g_defaultRoot;
}

std::string hostPath(std::string_view windowsPath) {
  std::string s(windowsPath);
  if (!s.empty() && s[0] == '/')
    return s; // a Linux path
  for (char &c : s)
    if (c == '\\')
      c = '/';
  if (s.rfind("//?/", 0) == 0 || s.rfind("/?""?/", 0) == 0)
    s.erase(0, 4);
  std::string root = windowsRoot();
  if (s.rfind("//", 0) == 0) { // UNC: \\server\share\x
    size_t i = s.find_first_not_of('/');
    return root + "/UNC/" + (i == std::string::npos ? "" : s.substr(i));
  }
  if (s.size() >= 2 && std::isalpha(static_cast<unsigned char>(s[0])) && s[1] == ':') {
    std::string rest = s.substr(2);
    size_t i = rest.find_first_not_of('/');
    rest = i == std::string::npos ? "" : rest.substr(i);
    std::string drive(1, static_cast<char>(std::toupper(static_cast<unsigned char>(s[0]))));
    return root + "/" + drive + (rest.empty() ? "" : "/" + rest);
  }
  if (!s.empty() && s[0] == '/')
    return root + s;
  if (s.empty())
    return root;
  return root + "/" + s;
}

std::string hostPath(std::wstring_view windowsPath) { return hostPath(toUtf8(windowsPath)); }

// ---- files ----------------------------------------------------------------------------

namespace detail {

Status makeParents(const std::string &path) {
  size_t pos = 0;
  while ((pos = path.find('/', pos + 1)) != std::string::npos) {
    std::string dir = path.substr(0, pos);
    if (dir.empty())
      continue;
    if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
      return errnoError(("mkdir " + dir).c_str(), errno);
  }
  return {};
}

int accessCheck(int dirfd, const char *path, int mode) {
  // faccessat2 with AT_EACCESS checks the calling thread's effective (fs) ids in the
  // kernel; plain access() would use the real uid (root).
  if (syscall(SYS_faccessat2, dirfd, path, mode, AT_EACCESS) == 0)
    return 0;
  return errno;
}

int restorePrimaryInChild() {
  const Token &p = primaryToken();
  uid_t r, e, s;
  gid_t rg, eg, sg;
  if (syscall(SYS_getresuid, &r, &e, &s) != 0 || syscall(SYS_getresgid, &rg, &eg, &sg) != 0)
    return errno;
  if (e != p.uid && syscall(SYS_setresuid, -1, p.uid, -1) != 0)
    return errno;
  if (syscall(SYS_setresgid, -1, p.gid, -1) != 0 && errno != EPERM)
    return errno;
  // setgroups needs CAP_SETGID, which only a privileged primary identity has; an
  // unprivileged process never changed its groups.
  if (syscall(SYS_setgroups, p.groups.size(), p.groups.data()) != 0 && errno != EPERM)
    return errno;
  return 0;
}

} // namespace detail

Status makeFile(const std::string &path, std::string_view content, uid_t owner, gid_t group,
                mode_t mode) {
  return asService([&]() -> Status {
    if (Status s = detail::makeParents(path); !s.ok())
      return s;
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
      return errnoError(("open " + path).c_str(), errno);
    size_t done = 0;
    while (done < content.size()) {
      ssize_t n = write(fd, content.data() + done, content.size() - done);
      if (n < 0) {
        int err = errno;
        close(fd);
        return errnoError("write", err);
      }
      done += static_cast<size_t>(n);
    }
    if (fchown(fd, owner, group) != 0 || fchmod(fd, mode) != 0) {
      int err = errno;
      close(fd);
      return errnoError(("chown/chmod " + path).c_str(), err);
    }
    close(fd);
    return {};
  });
}

Status makeFile(const std::string &path, std::string_view content, const Account &owner,
                mode_t mode) {
  return makeFile(path, content, owner.uid, owner.gid, mode);
}

Status makeDir(const std::string &path, uid_t owner, gid_t group, mode_t mode) {
  return asService([&]() -> Status {
    if (Status s = detail::makeParents(path); !s.ok())
      return s;
    if (mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
      return errnoError(("mkdir " + path).c_str(), errno);
    if (chown(path.c_str(), owner, group) != 0 || chmod(path.c_str(), mode) != 0)
      return errnoError(("chown/chmod " + path).c_str(), errno);
    return {};
  });
}

Result<std::string> readFile(const std::string &path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return errnoError(("open " + path).c_str(), errno);
  std::string out;
  char buf[8192];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      int err = errno;
      close(fd);
      return errnoError("read", err);
    }
    if (n == 0)
      break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

static int removeEntry(const char *path, const struct stat *, int type, struct FTW *) {
  return (type == FTW_DP ? rmdir(path) : unlink(path)) == 0 || errno == ENOENT ? 0 : -1;
}

Status removeTree(const std::string &path) {
  return asService([&]() -> Status {
    if (nftw(path.c_str(), removeEntry, 32, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT)
      return errnoError(("remove " + path).c_str(), errno);
    return {};
  });
}

TempRoot::TempRoot(bool setAsWindowsRoot) : setRoot_(setAsWindowsRoot) {
  asService([&] {
    const char *tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/impersonation-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) && chmod(buf.data(), 0755) == 0)
      path_ = buf.data();
  });
  if (setRoot_ && ok()) {
    previousRoot_ = explicitRoot();
    setWindowsRoot(path_);
  }
}

TempRoot::~TempRoot() {
  if (!ok())
    return;
  if (setRoot_) {
    std::lock_guard<std::mutex> lock(g_rootMutex);
    g_root = previousRoot_;
  }
  (void)removeTree(path_);
}

std::string TempRoot::operator/(std::string_view relative) const {
  return path_ + "/" + std::string(relative);
}

// ---- registry paths -------------------------------------------------------------------

namespace detail {

std::string registryUserHiveDir(uid_t uid) {
  return "hkey_users/s-1-22-1-" + std::to_string(uid);
}

std::string registryHiveDir(uint32_t predefinedKey) {
  switch (predefinedKey) {
  case 0x80000000u: return "hkey_classes_root";
  case 0x80000001u: return registryUserHiveDir(primaryToken().uid); // per process
  case 0x80000002u: return "hkey_local_machine";
  case 0x80000003u: return "hkey_users";
  case 0x80000005u: return "hkey_current_config";
  default: return "";
  }
}

std::string registryComponent(std::wstring_view name) {
  std::wstring lower(name);
  for (wchar_t &c : lower)
    c = static_cast<wchar_t>(std::towlower(static_cast<wint_t>(c)));
  std::string utf8 = toUtf8(lower);
  if (utf8 == ".")
    return "%2e";
  if (utf8 == "..")
    return "%2e%2e";
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    char c = utf8[i];
    if (c == '%') out += "%25";
    else if (c == '/') out += "%2f";
    else if (c == '=' && i == 0) out += "%3d";
    else if (c == '\0') out += "%00";
    else out += c;
  }
  return out;
}

std::string registryValueFile(std::wstring_view valueName) {
  return "=" + registryComponent(valueName);
}

bool registryJoin(std::string &base, std::wstring_view subKey) {
  if (!subKey.empty() && subKey.back() == L'\\')
    subKey.remove_suffix(1); // Windows tolerates one trailing backslash
  if (subKey.empty())
    return true;
  size_t start = 0;
  for (;;) {
    size_t end = subKey.find(L'\\', start);
    std::wstring_view part = subKey.substr(start, end == std::wstring_view::npos ? end : end - start);
    if (part.empty())
      return false;
    base += "/" + registryComponent(part);
    if (end == std::wstring_view::npos)
      return true;
    start = end + 1;
  }
}

} // namespace detail

Result<std::string> registryKeyPath(std::wstring_view key) {
  size_t slash = key.find(L'\\');
  std::wstring hive(key.substr(0, slash));
  for (wchar_t &c : hive)
    c = static_cast<wchar_t>(std::towupper(static_cast<wint_t>(c)));
  uint32_t id = 0;
  if (hive == L"HKEY_CLASSES_ROOT" || hive == L"HKCR") id = 0x80000000u;
  else if (hive == L"HKEY_CURRENT_USER" || hive == L"HKCU") id = 0x80000001u;
  else if (hive == L"HKEY_LOCAL_MACHINE" || hive == L"HKLM") id = 0x80000002u;
  else if (hive == L"HKEY_USERS" || hive == L"HKU") id = 0x80000003u;
  else if (hive == L"HKEY_CURRENT_CONFIG" || hive == L"HKCC") id = 0x80000005u;
  else
    return Error{87, "unknown registry hive in " + toUtf8(key)};
  std::string path = windowsRoot() + "/registry/" + detail::registryHiveDir(id);
  if (slash != std::wstring_view::npos && !detail::registryJoin(path, key.substr(slash + 1)))
    return Error{87, "empty key name component in " + toUtf8(key)};
  return path;
}

Status makeRegistryKey(std::wstring_view key, uid_t owner, gid_t group, mode_t mode) {
  Result<std::string> path = registryKeyPath(key);
  if (!path.ok())
    return path.error();
  return makeDir(path.value(), owner, group, mode);
}

static Status writeValue(std::wstring_view key, std::wstring_view valueName, uint32_t type,
                         std::string_view data, uid_t owner, gid_t group, mode_t mode) {
  Result<std::string> path = registryKeyPath(key);
  if (!path.ok())
    return path.error();
  std::string content(reinterpret_cast<const char *>(&type), sizeof type);
  content.append(data);
  return makeFile(path.value() + "/" + detail::registryValueFile(valueName), content, owner,
                  group, mode);
}

Status setRegistryString(std::wstring_view key, std::wstring_view valueName,
                         std::wstring_view value, uid_t owner, gid_t group, mode_t mode) {
  std::wstring withNul(value);
  withNul.push_back(L'\0');
  return writeValue(key, valueName, 1 /* REG_SZ */,
                    std::string_view(reinterpret_cast<const char *>(withNul.data()),
                                     withNul.size() * sizeof(wchar_t)),
                    owner, group, mode);
}

Status setRegistryDword(std::wstring_view key, std::wstring_view valueName, uint32_t value,
                        uid_t owner, gid_t group, mode_t mode) {
  return writeValue(key, valueName, 4 /* REG_DWORD */,
                    std::string_view(reinterpret_cast<const char *>(&value), sizeof value),
                    owner, group, mode);
}

} // namespace impersonation::rt
