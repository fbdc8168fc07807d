// option-strict-mode-bug.c with StrictMode set to false explicitly (its default): the
// service's own log, a fixed path, opened after the revert in a handler is silent, as
// in service-log-after-revert-correct.cpp. CORRECT — StrictMode: false.
// RUN-OPTION: impersonation-primary-token-access.StrictMode: false
#include <windows.h>

#define ACCESS_LOG L"C:\\ProgramData\\StubSvc\\access.log"

typedef struct {
    DWORD op;
    WCHAR path[MAX_PATH];
} STUB_REQUEST;

/* At service start: make sure the log exists. Not a handler. */
void ServiceStart(void)
{
    HANDLE log = CreateFileW(ACCESS_LOG, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (log != INVALID_HANDLE_VALUE)
        CloseHandle(log);
}

DWORD HandleStubRequest(HANDLE pipe, BYTE *out, DWORD cb, DWORD *got)
{
    STUB_REQUEST req;
    DWORD read = 0, status, written = 0;
    HANDLE file, log;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    status = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    log = CreateFileW(ACCESS_LOG, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (log != INVALID_HANDLE_VALUE) {
        WriteFile(log, &status, sizeof(status), &written, NULL);
        CloseHandle(log);
    }
    if (status != ERROR_SUCCESS)
        return status;
    if (!ReadFile(file, out, cb, got, NULL))
        status = GetLastError();
    CloseHandle(file);
    return status;
}
