// Backup writer: ImpersonateSelf gives the thread a copy of the service's own token so
// that SeBackupPrivilege is enabled on this thread only; the result is not tested. That
// is not client impersonation: if it fails the thread goes on with the service's own
// token, which is the identity it asked for (the privilege is then not enabled and the
// open fails). unchecked-result only cares about begins that put the CLIENT's (or an
// anonymous) identity in force. The file name is a global of the service, so
// primary-token-access is silent too. CORRECT (silent).
#include <windows.h>

extern WCHAR g_backupSource[MAX_PATH];

DWORD OpenForBackup(HANDLE *file)
{
    HANDLE token = NULL;
    TOKEN_PRIVILEGES tp;
    DWORD err = ERROR_SUCCESS;

    ImpersonateSelf(SecurityImpersonation);
    if (OpenThreadToken(GetCurrentThread(), TOKEN_ADJUST_PRIVILEGES, FALSE, &token)) {
        tp.PrivilegeCount = 1;
        tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
        if (LookupPrivilegeValueW(NULL, L"SeBackupPrivilege", &tp.Privileges[0].Luid))
            AdjustTokenPrivileges(token, FALSE, &tp, sizeof(tp), NULL, NULL);
        CloseHandle(token);
    }

    *file = CreateFileW(g_backupSource, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                        FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (*file == INVALID_HANDLE_VALUE)
        err = GetLastError();
    RevertToSelf();
    return err;
}
