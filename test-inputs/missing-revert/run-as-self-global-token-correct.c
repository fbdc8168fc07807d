// Print spooler helper (C): the worker threads run impersonating the user the service
// switched to at startup (its token kept in a global). To start the converter process
// with the service's own token the helper reverts, creates the process, and puts the kept
// token back before it returns, on the failure path too: the function leaves the thread
// as it found it. CORRECT.
#include <windows.h>

extern HANDLE g_sessionUserToken;
void LogSpawn(DWORD pid);

DWORD StartConverter(wchar_t *cmdline)
{
    STARTUPINFOW si = { sizeof si };
    PROCESS_INFORMATION pi;
    DWORD err = ERROR_SUCCESS;

    RevertToSelf();
    if (!CreateProcessW(NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        err = GetLastError();
    if (!ImpersonateLoggedOnUser(g_sessionUserToken))
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;
    LogSpawn(pi.dwProcessId);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return ERROR_SUCCESS;
}
