// StrictMode: in a handler (a function that receives client data or begins client
// impersonation), every access made while not acting as the client is reported, whatever
// it names. Here the handler appends to the service's own access log (a fixed path)
// after the revert: reported under StrictMode, for teams that want every primary-token
// access in a handler reviewed. ServiceStart opens the same log but is no handler:
// silent. The warning has the identity note (where impersonation ended). BUGGY —
// StrictMode: true.
// RUN-OPTION: impersonation-primary-token-access.StrictMode: true
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
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    // CHECK-WARNING@+1: 'CreateFileW' runs with the service's own token while the thread handles a client request [impersonation-primary-token-access]
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
