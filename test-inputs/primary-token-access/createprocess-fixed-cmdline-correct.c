// A maintenance request makes the service start its own re-indexer after the revert
// with CreateProcessW. The command line is the service's (a literal copied into a
// writable buffer); the client's request only selects the operation, it names nothing.
// A process start with the service's token on a fixed command line is the service's own
// business: silent (and no spawn while impersonating: the revert came first). CORRECT.
#include <windows.h>
#include <strsafe.h>

#define OP_REINDEX 7

typedef struct {
    DWORD op;
    DWORD flags;
} MAINT_REQUEST;

extern BOOL CallerIsOperator(void);

DWORD HandleMaintenance(HANDLE pipe)
{
    MAINT_REQUEST req;
    WCHAR cmd[MAX_PATH];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD read = 0;
    BOOL op;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    if (req.op != OP_REINDEX)
        return ERROR_NOT_SUPPORTED;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    op = CallerIsOperator();
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!op)
        return ERROR_ACCESS_DENIED;

    if (FAILED(StringCchCopyW(cmd, MAX_PATH,
                              L"\"C:\\Program Files\\Contoso\\Search\\reindex.exe\" --all")))
        return ERROR_INSUFFICIENT_BUFFER;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi))
        return GetLastError();
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return ERROR_SUCCESS;
}
