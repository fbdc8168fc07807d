// ImpersonateSelf(SecurityImpersonation) gives the thread a copy of the process token
// so a privilege can be enabled for this thread only (here SeBackupPrivilege for a
// backup-semantics open). The path where the privilege is not held returns with the
// thread still on the self-impersonation token, privilege adjustments and all. BUGGY.
#include <windows.h>

static BOOL EnableThreadPrivilege(const WCHAR *name)
{
    HANDLE token;
    TOKEN_PRIVILEGES tp;
    BOOL ok;

    if (!OpenThreadToken(GetCurrentThread(), TOKEN_ADJUST_PRIVILEGES, FALSE, &token))
        return FALSE;
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    ok = LookupPrivilegeValueW(NULL, name, &tp.Privileges[0].Luid) &&
         AdjustTokenPrivileges(token, FALSE, &tp, sizeof(tp), NULL, NULL) &&
         GetLastError() == ERROR_SUCCESS;
    CloseHandle(token);
    return ok;
}

HANDLE OpenForBackup(const WCHAR *path)
{
    HANDLE file;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateSelf' is still in force when 'OpenForBackup' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateSelf(SecurityImpersonation))
        return INVALID_HANDLE_VALUE;
    if (!EnableThreadPrivilege(L"SeBackupPrivilege")) // CHECK-NOTE: assuming the condition is true
        return INVALID_HANDLE_VALUE; // CHECK-NOTE: returns here while still impersonating
    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS, NULL);
    RevertToSelf();
    return file;
}
