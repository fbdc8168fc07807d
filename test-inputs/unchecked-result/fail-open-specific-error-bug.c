// Named-pipe handler that tolerates one failure code: ERROR_CANNOT_IMPERSONATE ("the
// client has not written yet") is taken as harmless and the handler goes on, so for
// that failure the client's file is replaced with the service's token. The test is
// there and fails closed for every other code. Both operands of the `&&` read tracked
// values (the stored result, a call result), so both get a note on the condition's
// line: `!ok` true, the error comparison false. BUGGY.
#include <windows.h>

typedef struct {
    WCHAR target[MAX_PATH];
    WCHAR replacement[MAX_PATH];
} SWAP_REQUEST;

DWORD HandleSwap(HANDLE pipe)
{
    SWAP_REQUEST req;
    DWORD read = 0, err = ERROR_SUCCESS;
    BOOL ok;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.target[MAX_PATH - 1] = L'\0';
    req.replacement[MAX_PATH - 1] = L'\0';

    ok = ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+2: assuming the condition is true
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ok && GetLastError() != ERROR_CANNOT_IMPERSONATE)
        return GetLastError();

    if (!ReplaceFileW(req.target, req.replacement, NULL, 0, NULL, NULL)) // CHECK-NOTE: 'ReplaceFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
        err = GetLastError();
    if (ok)
        RevertToSelf();
    return err;
}
