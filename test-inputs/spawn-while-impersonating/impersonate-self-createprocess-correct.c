// ImpersonateSelf is not the client: the backup service copies its own token onto the
// thread to enable SeBackupPrivilege for this thread only, then starts the snapshot
// helper with CreateProcessW. The child runs with the service's primary token, which is
// exactly the identity the thread had: nothing is lost, so this check only reports the
// client's (or an anonymous) identity. The command line is fixed, so primary-token-access
// is silent too; the begin is tested and every path reverts. CORRECT.
#include <windows.h>

static WCHAR g_snapshotCmd[] = L"\"C:\\Program Files\\Contoso\\Backup\\snap.exe\" --volume C:";

static BOOL EnableThreadPrivilege(LPCWSTR name)
{
    HANDLE token;
    TOKEN_PRIVILEGES tp;
    BOOL ok;

    if (!OpenThreadToken(GetCurrentThread(), TOKEN_ADJUST_PRIVILEGES, FALSE, &token))
        return FALSE;
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    ok = LookupPrivilegeValueW(NULL, name, &tp.Privileges[0].Luid) &&
         AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL) &&
         GetLastError() == ERROR_SUCCESS;
    CloseHandle(token);
    return ok;
}

DWORD StartSnapshot(void)
{
    DWORD err = ERROR_SUCCESS;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    if (!ImpersonateSelf(SecurityImpersonation))
        return GetLastError();
    if (!EnableThreadPrivilege(L"SeBackupPrivilege")) {
        err = GetLastError();
    } else if (CreateProcessW(NULL, g_snapshotCmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL,
                              NULL, &si, &pi)) {
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } else {
        err = GetLastError();
    }
    RevertToSelf();
    return err;
}
