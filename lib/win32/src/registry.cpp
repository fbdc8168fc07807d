// The registry as a directory tree with real owners and modes (see runtime.h for the
// layout). Opening a key asks the kernel (faccessat2 with the thread's effective ids);
// value files are read and written as the calling thread.
#include "facade.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace impersonation::win32;
namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;
namespace detail = impersonation::rt::detail;

namespace {

const uint32_t kPredefinedBase = 0x80000000u;

bool isPredefined(HKEY key, uint32_t *id) {
  uintptr_t v = reinterpret_cast<uintptr_t>(key);
  uint32_t low = static_cast<uint32_t>(v);
  // Windows sign-extends the 32-bit constants into the 64-bit handle.
  if ((v >> 32) != 0xFFFFFFFFu || low < kPredefinedBase || low > kPredefinedBase + 5)
    return false;
  *id = low;
  return true;
}

const char *predefinedName(uint32_t id) {
  switch (id) {
  case 0x80000000u: return "HKEY_CLASSES_ROOT";
  case 0x80000001u: return "HKEY_CURRENT_USER";
  case 0x80000002u: return "HKEY_LOCAL_MACHINE";
  case 0x80000003u: return "HKEY_USERS";
  case 0x80000005u: return "HKEY_CURRENT_CONFIG";
  default: return nullptr;
  }
}

// The hive directories exist from the start, root-owned 0755, like a machine's hives; a
// user's own hive (HKEY_USERS\S-1-22-1-<uid>) is that user's, 0700.
rt::Status ensureHive(const std::string &relative) {
  std::string root = rt::windowsRoot() + "/registry";
  std::string path = root + "/" + relative;
  struct stat st;
  if (stat(path.c_str(), &st) == 0)
    return {};
  const std::string users = "hkey_users/s-1-22-1-";
  if (relative.rfind(users, 0) == 0) {
    uid_t uid = static_cast<uid_t>(std::stoul(relative.substr(users.size())));
    const rt::Account *a = rt::findAccount(uid);
    gid_t gid = a ? a->gid : (uid == rt::primaryToken().uid ? rt::primaryToken().gid : uid);
    if (rt::Status s = rt::makeDir(root + "/hkey_users", 0, 0, 0755); !s.ok())
      return s;
    return rt::makeDir(path, uid, gid, 0700);
  }
  return rt::makeDir(path, 0, 0, 0755);
}

struct KeyBase {
  std::string path;
  std::string name;
  REGSAM granted = 0;
};

// The key a handle stands for; error when it is not a key.
DWORD baseOf(HKEY key, KeyBase &out) {
  uint32_t id;
  if (isPredefined(key, &id)) {
    const char *n = predefinedName(id);
    if (!n)
      return ERROR_INVALID_HANDLE;
    std::string hive = detail::registryHiveDir(id);
    if (rt::Status s = ensureHive(hive); !s.ok())
      return s.error().code;
    out.path = rt::windowsRoot() + "/registry/" + hive;
    out.name = n;
    out.granted = KEY_ALL_ACCESS; // predefined keys: the kernel decides on every use
    return 0;
  }
  auto k = lookupAs<KeyObject>(reinterpret_cast<HANDLE>(key), Kind::Key);
  if (!k)
    return ERROR_INVALID_HANDLE;
  out.path = k->hostPath;
  out.name = k->name;
  out.granted = k->granted;
  return 0;
}

REGSAM expandKeyAccess(REGSAM sam) {
  REGSAM out = sam & (KEY_ALL_ACCESS | KEY_WOW64_64KEY | KEY_WOW64_32KEY);
  if (sam & GENERIC_READ) out |= KEY_READ;
  if (sam & GENERIC_WRITE) out |= KEY_WRITE;
  if (sam & GENERIC_EXECUTE) out |= KEY_EXECUTE;
  if (sam & GENERIC_ALL) out |= KEY_ALL_ACCESS;
  return out;
}

// The kernel's verdict on the rights asked for: reading needs r-x on the key's directory,
// changing it -wx. MAXIMUM_ALLOWED gets whatever passes.
DWORD checkKeyAccess(const std::string &path, REGSAM sam, REGSAM *granted) {
  REGSAM want = expandKeyAccess(sam);
  const REGSAM readBits = KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY | READ_CONTROL;
  const REGSAM writeBits = KEY_SET_VALUE | KEY_CREATE_SUB_KEY | KEY_CREATE_LINK | DELETE |
                           WRITE_DAC | WRITE_OWNER;
  if (sam & MAXIMUM_ALLOWED) {
    REGSAM g = 0;
    if (detail::accessCheck(AT_FDCWD, path.c_str(), R_OK | X_OK) == 0) g |= readBits;
    if (detail::accessCheck(AT_FDCWD, path.c_str(), W_OK | X_OK) == 0) g |= writeBits;
    if (!g && detail::accessCheck(AT_FDCWD, path.c_str(), X_OK) != 0)
      return ERROR_ACCESS_DENIED;
    *granted = g | (want & (KEY_WOW64_64KEY | KEY_WOW64_32KEY));
    return 0;
  }
  int mode = X_OK;
  if (want & readBits) mode |= R_OK;
  if (want & writeBits) mode |= W_OK;
  int err = detail::accessCheck(AT_FDCWD, path.c_str(), mode);
  if (err)
    return err == ENOENT || err == ENOTDIR ? ERROR_FILE_NOT_FOUND : lastErrorFromErrno(err);
  *granted = want;
  return 0;
}

DWORD levelError() {
  rt::Status s = rt::checkCanOpenObjects();
  return s.ok() ? 0 : s.error().code;
}

std::string joinName(const std::string &base, LPCWSTR sub) {
  if (!sub || !*sub)
    return base;
  return base + "\\" + utf8(sub);
}

LSTATUS recorded(const char *api, const char *file, int line, const std::string &name,
                 DWORD err) {
  monitor::recordAccess(api, file, static_cast<unsigned>(line), name, err);
  return static_cast<LSTATUS>(err);
}

HKEY newKey(const std::string &path, const std::string &name, REGSAM granted) {
  auto k = std::make_shared<KeyObject>();
  k->hostPath = path;
  k->name = name;
  k->granted = granted;
  return reinterpret_cast<HKEY>(insertHandle(std::move(k)));
}

LSTATUS openKey(const char *api, const char *file, int line, HKEY key, LPCWSTR sub, REGSAM sam,
                PHKEY result) {
  if (!result)
    return ERROR_INVALID_PARAMETER;
  *result = nullptr;
  KeyBase base;
  if (DWORD err = baseOf(key, base))
    return static_cast<LSTATUS>(err);
  std::string name = joinName(base.name, sub);
  if (DWORD err = levelError())
    return recorded(api, file, line, name, err);
  std::string path = base.path;
  if (sub && !detail::registryJoin(path, sub))
    return recorded(api, file, line, name, ERROR_BAD_PATHNAME);
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    int err = errno;
    DWORD e = (err == EACCES) ? ERROR_ACCESS_DENIED : ERROR_FILE_NOT_FOUND;
    return recorded(api, file, line, name, e);
  }
  REGSAM granted = 0;
  if (DWORD err = checkKeyAccess(path, sam, &granted))
    return recorded(api, file, line, name, err);
  *result = newKey(path, name, granted);
  return recorded(api, file, line, name, 0);
}

std::atomic<unsigned> g_tempCounter{0};

// Reads a value file: 4-byte type, then the data.
DWORD readValue(const std::string &keyPath, LPCWSTR valueName, DWORD *type, std::string *data) {
  std::string path = keyPath + "/" + detail::registryValueFile(valueName ? valueName : L"");
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return errno == ENOENT ? ERROR_FILE_NOT_FOUND : lastErrorFromErrno(errno);
  std::string content;
  char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      int err = errno;
      close(fd);
      return lastErrorFromErrno(err);
    }
    if (n == 0)
      break;
    content.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  if (content.size() < 4)
    return ERROR_INVALID_DATA; // ERROR_REGISTRY_CORRUPT territory
  std::memcpy(type, content.data(), 4);
  *data = content.substr(4);
  return 0;
}

} // namespace

extern "C" {

LSTATUS RegCloseKey(HKEY key) {
  uint32_t id;
  if (isPredefined(key, &id))
    return ERROR_SUCCESS; // closing a predefined key does nothing
  auto k = lookupAs<KeyObject>(reinterpret_cast<HANDLE>(key), Kind::Key);
  if (!k)
    return ERROR_INVALID_HANDLE;
  removeHandle(reinterpret_cast<HANDLE>(key));
  return ERROR_SUCCESS;
}

LSTATUS ImpRt_RegOpenKeyExW(const char *file, int line, HKEY key, LPCWSTR sub, DWORD options,
                            REGSAM sam, PHKEY result) {
  if (options & ~static_cast<DWORD>(0x8 /* REG_OPTION_OPEN_LINK */))
    return ERROR_INVALID_PARAMETER;
  if (options)
    return ERROR_NOT_SUPPORTED; // registry links are not modelled
  return openKey("RegOpenKeyExW", file, line, key, sub, sam, result);
}

LSTATUS ImpRt_RegCreateKeyExW(const char *file, int line, HKEY key, LPCWSTR sub, DWORD,
                              LPWSTR, DWORD options, REGSAM sam, LPSECURITY_ATTRIBUTES sa,
                              PHKEY result, LPDWORD disposition) {
  if (!result || !sub)
    return ERROR_INVALID_PARAMETER;
  *result = nullptr;
  KeyBase base;
  if (DWORD err = baseOf(key, base))
    return static_cast<LSTATUS>(err);
  std::string name = joinName(base.name, sub);
  if (DWORD err = levelError())
    return recorded("RegCreateKeyExW", file, line, name, err);
  if (options != REG_OPTION_NON_VOLATILE || (sa && sa->lpSecurityDescriptor))
    return recorded("RegCreateKeyExW", file, line, name, ERROR_NOT_SUPPORTED);
  std::string path = base.path;
  std::string joined = base.path;
  if (!detail::registryJoin(joined, sub))
    return recorded("RegCreateKeyExW", file, line, name, ERROR_BAD_PATHNAME);
  // Create each missing component as the calling thread: the parent's mode decides.
  bool created = false;
  size_t pos = base.path.size();
  while (pos < joined.size()) {
    size_t next = joined.find('/', pos + 1);
    if (next == std::string::npos)
      next = joined.size();
    path = joined.substr(0, next);
    if (mkdir(path.c_str(), 0755) == 0) {
      created = true;
    } else if (errno == EEXIST) {
      created = false;
    } else {
      return recorded("RegCreateKeyExW", file, line, name,
                      errno == ENOENT ? ERROR_FILE_NOT_FOUND : lastErrorFromErrno(errno));
    }
    pos = next;
  }
  REGSAM granted = 0;
  if (DWORD err = checkKeyAccess(joined, sam, &granted))
    return recorded("RegCreateKeyExW", file, line, name, err);
  *result = newKey(joined, name, granted);
  if (disposition)
    *disposition = created ? REG_CREATED_NEW_KEY : REG_OPENED_EXISTING_KEY;
  return recorded("RegCreateKeyExW", file, line, name, 0);
}

LSTATUS ImpRt_RegOpenCurrentUser(const char *file, int line, REGSAM sam, PHKEY result) {
  if (!result)
    return ERROR_INVALID_PARAMETER;
  *result = nullptr;
  uid_t uid = rt::current().uid; // the thread's user, unlike HKEY_CURRENT_USER
  std::string hive = detail::registryUserHiveDir(uid);
  std::string name = "HKEY_USERS\\S-1-22-1-" + std::to_string(uid);
  if (DWORD err = levelError())
    return recorded("RegOpenCurrentUser", file, line, name, err);
  rt::Status s = rt::asService([&] { return ensureHive(hive); });
  if (!s.ok())
    return recorded("RegOpenCurrentUser", file, line, name, s.error().code);
  std::string path = rt::windowsRoot() + "/registry/" + hive;
  REGSAM granted = 0;
  if (DWORD err = checkKeyAccess(path, sam, &granted))
    return recorded("RegOpenCurrentUser", file, line, name, err);
  *result = newKey(path, name, granted);
  return recorded("RegOpenCurrentUser", file, line, name, 0);
}

LSTATUS ImpRt_RegDeleteKeyW(const char *file, int line, HKEY key, LPCWSTR sub) {
  if (!sub || !*sub)
    return ERROR_INVALID_PARAMETER;
  KeyBase base;
  if (DWORD err = baseOf(key, base))
    return static_cast<LSTATUS>(err);
  std::string name = joinName(base.name, sub);
  if (DWORD err = levelError())
    return recorded("RegDeleteKeyW", file, line, name, err);
  std::string path = base.path;
  if (!detail::registryJoin(path, sub))
    return recorded("RegDeleteKeyW", file, line, name, ERROR_BAD_PATHNAME);
  // A key with sub-keys cannot be deleted (ERROR_ACCESS_DENIED, as Windows); its values go
  // with it, which needs write access to the key.
  DIR *d = opendir(path.c_str());
  if (!d)
    return recorded("RegDeleteKeyW", file, line, name,
                    errno == ENOENT ? ERROR_FILE_NOT_FOUND : lastErrorFromErrno(errno));
  std::vector<std::string> values;
  bool hasSubKeys = false;
  while (struct dirent *e = readdir(d)) {
    std::string n = e->d_name;
    if (n == "." || n == "..")
      continue;
    if (n[0] == '=')
      values.push_back(n);
    else
      hasSubKeys = true;
  }
  closedir(d);
  if (hasSubKeys)
    return recorded("RegDeleteKeyW", file, line, name, ERROR_ACCESS_DENIED);
  for (const std::string &v : values)
    if (unlink((path + "/" + v).c_str()) != 0)
      return recorded("RegDeleteKeyW", file, line, name, lastErrorFromErrno(errno));
  if (rmdir(path.c_str()) != 0)
    return recorded("RegDeleteKeyW", file, line, name, lastErrorFromErrno(errno));
  return recorded("RegDeleteKeyW", file, line, name, 0);
}

LSTATUS RegSetValueExW(HKEY key, LPCWSTR valueName, DWORD reserved, DWORD type,
                       const BYTE *data, DWORD size) {
  if (reserved || (!data && size))
    return ERROR_INVALID_PARAMETER;
  KeyBase base;
  if (DWORD err = baseOf(key, base))
    return static_cast<LSTATUS>(err);
  if (DWORD err = levelError())
    return static_cast<LSTATUS>(err);
  if (!(base.granted & KEY_SET_VALUE))
    return ERROR_ACCESS_DENIED; // the handle was not opened for it
  // Write a new file and rename it over the value: needs -wx on the key, like KEY_SET_VALUE.
  std::string tmp = base.path + "/.tmp-" + std::to_string(getpid()) + "-" +
                    std::to_string(g_tempCounter++);
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    return static_cast<LSTATUS>(errno == ENOENT ? ERROR_KEY_DELETED : lastErrorFromErrno(errno));
  std::string content(reinterpret_cast<const char *>(&type), 4);
  if (size)
    content.append(reinterpret_cast<const char *>(data), size);
  bool ok = write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  int err = errno;
  close(fd);
  std::string target = base.path + "/" + detail::registryValueFile(valueName ? valueName : L"");
  if (!ok || rename(tmp.c_str(), target.c_str()) != 0) {
    if (ok)
      err = errno;
    unlink(tmp.c_str());
    return static_cast<LSTATUS>(lastErrorFromErrno(err));
  }
  return ERROR_SUCCESS;
}

LSTATUS RegQueryValueExW(HKEY key, LPCWSTR valueName, LPDWORD reserved, LPDWORD type,
                         LPBYTE data, LPDWORD size) {
  if (reserved || (data && !size))
    return ERROR_INVALID_PARAMETER;
  KeyBase base;
  if (DWORD err = baseOf(key, base))
    return static_cast<LSTATUS>(err);
  if (DWORD err = levelError())
    return static_cast<LSTATUS>(err);
  if (!(base.granted & KEY_QUERY_VALUE))
    return ERROR_ACCESS_DENIED;
  DWORD t = 0;
  std::string content;
  if (DWORD err = readValue(base.path, valueName, &t, &content))
    return static_cast<LSTATUS>(err);
  if (type)
    *type = t;
  if (!size)
    return ERROR_SUCCESS;
  DWORD need = static_cast<DWORD>(content.size());
  if (!data) {
    *size = need;
    return ERROR_SUCCESS;
  }
  if (*size < need) {
    *size = need;
    return ERROR_MORE_DATA;
  }
  std::memcpy(data, content.data(), need);
  *size = need;
  return ERROR_SUCCESS;
}

LSTATUS RegGetValueW(HKEY key, LPCWSTR sub, LPCWSTR valueName, DWORD flags, LPDWORD type,
                     PVOID data, LPDWORD size) {
  if (data && !size)
    return ERROR_INVALID_PARAMETER;
  if ((flags & RRF_RT_ANY) == 0)
    return ERROR_INVALID_PARAMETER;
  HKEY opened = nullptr;
  HKEY use = key;
  if (sub && *sub) {
    KeyBase base;
    if (DWORD err = baseOf(key, base))
      return static_cast<LSTATUS>(err);
    if (DWORD err = levelError())
      return static_cast<LSTATUS>(err);
    std::string path = base.path;
    if (!detail::registryJoin(path, sub))
      return ERROR_BAD_PATHNAME;
    struct stat st;
    if (stat(path.c_str(), &st) != 0)
      return errno == EACCES ? ERROR_ACCESS_DENIED : ERROR_FILE_NOT_FOUND;
    REGSAM granted = 0;
    if (DWORD err = checkKeyAccess(path, KEY_QUERY_VALUE, &granted))
      return static_cast<LSTATUS>(err);
    opened = newKey(path, joinName(base.name, sub), granted);
    use = opened;
  }
  DWORD t = 0, got = 0;
  LSTATUS st = RegQueryValueExW(use, valueName, nullptr, &t, nullptr, &got);
  if (st == ERROR_SUCCESS) {
    DWORD allowed = 0;
    switch (t) {
    case REG_NONE: allowed = RRF_RT_REG_NONE; break;
    case REG_SZ: allowed = RRF_RT_REG_SZ; break;
    case REG_EXPAND_SZ: allowed = RRF_RT_REG_EXPAND_SZ; break;
    case REG_BINARY: allowed = RRF_RT_REG_BINARY; break;
    case REG_DWORD: allowed = RRF_RT_REG_DWORD; break;
    case REG_MULTI_SZ: allowed = RRF_RT_REG_MULTI_SZ; break;
    case REG_QWORD: allowed = RRF_RT_REG_QWORD; break;
    default: break;
    }
    if (!(flags & allowed)) {
      st = ERROR_UNSUPPORTED_TYPE;
    } else {
      DWORD have = size ? *size : 0;
      st = RegQueryValueExW(use, valueName, nullptr, &t, static_cast<LPBYTE>(data), size);
      if (st == ERROR_SUCCESS && type)
        *type = t;
      if (st != ERROR_SUCCESS && data && (flags & RRF_ZEROONFAILURE))
        std::memset(data, 0, have);
    }
  }
  if (opened)
    RegCloseKey(opened);
  return st;
}

LSTATUS RegDeleteValueW(HKEY key, LPCWSTR valueName) {
  KeyBase base;
  if (DWORD err = baseOf(key, base))
    return static_cast<LSTATUS>(err);
  if (DWORD err = levelError())
    return static_cast<LSTATUS>(err);
  if (!(base.granted & KEY_SET_VALUE))
    return ERROR_ACCESS_DENIED;
  std::string path = base.path + "/" + detail::registryValueFile(valueName ? valueName : L"");
  if (unlink(path.c_str()) != 0)
    return static_cast<LSTATUS>(errno == ENOENT ? ERROR_FILE_NOT_FOUND : lastErrorFromErrno(errno));
  return ERROR_SUCCESS;
}

} // extern "C"
