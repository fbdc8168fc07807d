// Named-pipe stub server that impersonates the client only to decide whether the caller
// may read stubs at all, reverts, and then opens the file named in the request with the
// service's own token. The client chooses the path (any file the service account can
// read, e.g. another employee's stub or the service's private key), and the access check
// the impersonation was meant for never sees the object. BUGGY.
#include <windows.h>

typedef struct {
    DWORD opcode;
    WCHAR path[MAX_PATH];
} STUB_REQUEST;

extern BOOL CallerMayReadStubs(void);

DWORD HandleStubRequest(HANDLE pipe, BYTE *out, DWORD cb, DWORD *got)
{
    STUB_REQUEST req;
    DWORD read = 0, err = ERROR_SUCCESS;
    BOOL allowed;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    allowed = CallerMayReadStubs();
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!allowed)
        return ERROR_ACCESS_DENIED;

    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ReadFile(file, out, cb, got, NULL))
        err = GetLastError();
    CloseHandle(file);
    return err;
}
