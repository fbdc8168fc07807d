// Print spooler helper (C): as run-as-self-global-token-correct.c, but after starting the
// converter it impersonates the token that came with this request, not the one it was
// entered with: the worker thread goes back to its pool as the requesting user. BUGGY.
#include <windows.h>

void LogSpawn(DWORD pid);

DWORD StartConverter(HANDLE requestToken, wchar_t *cmdline)
{
    STARTUPINFOW si = { sizeof si };
    PROCESS_INFORMATION pi;
    DWORD err = ERROR_SUCCESS;

    RevertToSelf();
    if (!CreateProcessW(NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        err = GetLastError();
    if (!ImpersonateLoggedOnUser(requestToken)) // CHECK-WARNING: impersonation begun by 'ImpersonateLoggedOnUser' is still in force when 'StartConverter' returns [impersonation-missing-revert]
        ExitProcess(ERROR_CANNOT_IMPERSONATE); // CHECK-NOTE@-1: assuming the condition is false
    if (err != ERROR_SUCCESS) // CHECK-NOTE: assuming the condition is true
        return err; // CHECK-NOTE: returns here while still impersonating
    LogSpawn(pi.dwProcessId);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return ERROR_SUCCESS; // CHECK-NOTE: returns here while still impersonating
}
