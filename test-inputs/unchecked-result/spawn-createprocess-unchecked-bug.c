// Named-pipe "tool runner": the client names a tool from a tools share and the service
// starts it while impersonating, so that the image's ACL is checked against the client.
// ImpersonateNamedPipeClient's result is discarded, and the protected operation is a
// spawn (CreateProcessW). Two findings, two checks: on the begin's failure path the
// image is opened with the service's token (unchecked-result, note at CreateProcessW);
// on its success path the new process runs with the service's primary token anyway
// (spawn-while-impersonating, warning at CreateProcessW with a note at the begin).
// BUGGY (2 warnings).
#include <windows.h>

typedef struct {
    WCHAR tool[MAX_PATH];
    WCHAR arguments[512];
} RUN_REQUEST;

DWORD HandleRunTool(HANDLE pipe, PROCESS_INFORMATION *pi)
{
    RUN_REQUEST req;
    STARTUPINFOW si;
    DWORD read = 0, err = ERROR_SUCCESS;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.tool[MAX_PATH - 1] = L'\0';
    req.arguments[511] = L'\0';
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);

    // CHECK-WARNING@+2: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: the thread impersonates the client from here
    ImpersonateNamedPipeClient(pipe);
    // CHECK-WARNING@+2: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    // CHECK-NOTE@+1: 'CreateProcessW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    if (!CreateProcessW(req.tool, req.arguments, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, pi))
        err = GetLastError();
    RevertToSelf();
    return err;
}
