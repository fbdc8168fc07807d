// The name comes from the caller (the request it received), and the helper that uses it
// ignores its own begin's result. On the failure path the probe runs with the service's
// token only because the begin failed unnoticed: one root cause, one warning, reported by
// unchecked-result at the begin; primary-token-access stays silent while that check runs.
// BUGGY (unchecked-result).
#include <windows.h>

typedef struct {
    WCHAR path[MAX_PATH];
} PROBE_REQUEST;

static DWORD ProbeAsClient(HANDLE pipe, const WCHAR *path)
{
    DWORD attributes;
    ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    attributes = GetFileAttributesW(path); // CHECK-NOTE: 'GetFileAttributesW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return attributes == INVALID_FILE_ATTRIBUTES ? GetLastError() : ERROR_SUCCESS;
}

DWORD HandleProbe(HANDLE pipe)
{
    PROBE_REQUEST req;
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';
    return ProbeAsClient(pipe, req.path);
}
