// Diagnostics runner: the help-desk client sends arguments for the diagnostics tool;
// the service formats the command line from its install directory and the arguments,
// impersonates to check the caller's group, reverts, and starts the tool with
// CreateProcessW. The process runs with the service's token on a command line the
// client shaped (argument injection: "/out C:\\Windows\\..." and the like), so the
// call is an access named by the client. It is not a spawn while impersonating (the
// revert came first): spawn-while-impersonating is silent. BUGGY.
#include <windows.h>
#include <strsafe.h>

typedef struct {
    DWORD tool;
    WCHAR arguments[256];
} DIAG_REQUEST;

static WCHAR g_installDir[MAX_PATH] = L"C:\\Program Files\\Contoso\\Diag";

extern BOOL CallerIsHelpdesk(void);

DWORD RunDiagnostics(HANDLE pipe)
{
    DIAG_REQUEST req;
    WCHAR cmd[MAX_PATH + 300];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD read = 0, exitCode = 0;
    BOOL helpdesk;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.arguments[255] = L'\0';
    if (FAILED(StringCchPrintfW(cmd, ARRAYSIZE(cmd), L"\"%ls\\diag.exe\" %ls", g_installDir,
                                req.arguments)))
        return ERROR_INVALID_PARAMETER;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    helpdesk = CallerIsHelpdesk();
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!helpdesk)
        return ERROR_ACCESS_DENIED;

    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    // CHECK-WARNING@+1: 'CreateProcessW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi))
        return GetLastError();
    WaitForSingleObject(pi.hProcess, 60 * 1000);
    GetExitCodeProcess(pi.hProcess, &exitCode);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return exitCode;
}
