// Update helper of a per-user sync service: the C runtime's spawn and exec families
// create processes from the service's primary token like CreateProcess does.
// ScanUserFolder impersonates the pipe client and runs the scanner with _wspawnl;
// HandOverToUpdater impersonates the user's token and replaces this helper process with
// the updater through _execl (which only returns on failure). Both test the begin and
// revert on every path that continues. BUGGY (2 warnings).
#include <windows.h>
#include <process.h>

DWORD ScanUserFolder(HANDLE pipe)
{
    intptr_t rc;

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    // CHECK-WARNING@+1: '_wspawnl' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    rc = _wspawnl(_P_WAIT, L"C:\\Program Files\\Contoso\\Sync\\scan.exe", L"scan.exe",
                  L"--profile", NULL);
    RevertToSelf();
    return rc == -1 ? ERROR_FILE_NOT_FOUND : (DWORD)rc;
}

DWORD HandOverToUpdater(HANDLE userToken)
{
    if (!ImpersonateLoggedOnUser(userToken)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    // CHECK-WARNING@+1: '_execl' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    _execl("C:\\Program Files\\Contoso\\Sync\\updater.exe", "updater.exe", "--per-user", NULL);
    /* only reached when the exec failed */
    RevertToSelf();
    return ERROR_FILE_NOT_FOUND;
}
