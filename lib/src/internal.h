// Internal pieces shared by the runtime and the Win32 facade (not installed, not API).
#pragma once

#include "impersonation/runtime.h"

#include <string>
#include <string_view>

namespace impersonation::rt::detail {

// Registry hives by their predefined HKEY value's low 32 bits (0x80000000 + n).
// Returns the hive's directory below <root>/registry, "" if unknown.
// HKEY_CURRENT_USER is the process's user (cached per process, as on Windows).
std::string registryHiveDir(uint32_t predefinedKey);
// The hive's directory for HKEY_USERS\S-1-22-1-<uid>.
std::string registryUserHiveDir(uid_t uid);
// One key or value name component, lower-cased and escaped so it is a safe file name.
std::string registryComponent(std::wstring_view name);
// "=<component>": the file holding a value ("=" alone: the default value).
std::string registryValueFile(std::wstring_view valueName);
// Joins sub-key components ("a\\b\\c") below `base`; false on an empty component.
bool registryJoin(std::string &base, std::wstring_view subKey);

// mkdir -p of the parents of `path` (not `path` itself), root-owned 0755, as the caller.
Status makeParents(const std::string &path);

// A kernel permission check with the thread's effective ids (faccessat2, AT_EACCESS).
int accessCheck(int dirfd, const char *path, int mode); // 0 or errno

// The thread's identity restored to primary in a freshly forked child: raw system calls
// only (async-signal-safe). Returns 0 or errno.
int restorePrimaryInChild();

} // namespace impersonation::rt::detail
