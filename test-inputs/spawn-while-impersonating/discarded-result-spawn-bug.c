// Two distinct bugs on one spawn: the handler discards the result of
// ImpersonateNamedPipeClient and then starts the report generator with CreateProcessW.
// If the begin succeeded, the child runs as the service although the code meant the
// client (this check: warning at CreateProcessW, note at the begin); if it failed, the
// code goes on as the service without knowing it (unchecked-result: warning at the begin,
// note at CreateProcessW). Fixing either leaves the other, so both are reported. The
// command line is fixed, so primary-token-access has nothing to add. BUGGY (2 warnings).
#include <windows.h>

static WCHAR g_reportCmd[] = L"\"C:\\Program Files\\Contoso\\report.exe\" --usage --current-user";

DWORD HandleUsageReport(HANDLE pipe)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD err = ERROR_SUCCESS;

    // CHECK-WARNING@+2: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: the thread impersonates the client from here
    ImpersonateNamedPipeClient(pipe);
    // CHECK-WARNING@+2: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    // CHECK-NOTE@+1: 'CreateProcessW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    if (CreateProcessW(NULL, g_reportCmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
        WaitForSingleObject(pi.hProcess, INFINITE);
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } else {
        err = GetLastError();
    }
    RevertToSelf();
    return err;
}
