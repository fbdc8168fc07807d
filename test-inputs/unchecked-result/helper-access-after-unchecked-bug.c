// Pay-stub pipe server, interprocedural: the handler casts ImpersonateNamedPipeClient's
// result to void (still discarded) and calls OpenStub, a same-file helper that builds
// the stub's path from the request and opens it. The helper does the access with the
// identity its caller left in force, so on the begin's failure path the stub is opened
// with the service's token: any employee reads any stub. The note is at the call of
// the helper and names it. The helper itself is not reported. BUGGY.
#include <windows.h>

#define STUB_DIR L"D:\\PayStubs\\"
#define MAX_PERIOD 16

typedef struct {
    DWORD employeeId;
    WCHAR period[MAX_PERIOD];
} STUB_REQUEST;

static HANDLE OpenStub(const WCHAR *period)
{
    WCHAR path[MAX_PATH];
    lstrcpyW(path, STUB_DIR);
    lstrcatW(path, period);
    lstrcatW(path, L".stub");
    return CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
}

DWORD HandleStubRequest(HANDLE pipe, HANDLE *stub)
{
    STUB_REQUEST req;
    DWORD read = 0;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.period[MAX_PERIOD - 1] = L'\0';

    (void)ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    *stub = OpenStub(req.period); // CHECK-NOTE: 'OpenStub' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    RevertToSelf();

    return *stub == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}
