// Debug: true -- the engine explains itself with remarks: here, that BeginSession is an
// inferred begin-wrapper whose callers are checked instead. The code is correct, so the
// only output is the remark, expected with a remark directive. CORRECT (remarks only).
// RUN-OPTION: impersonation-missing-revert.Debug: true
#include <windows.h>

typedef struct {
    HANDLE pipe;
    DWORD lastError;
} SESSION;

static BOOL BeginSession(SESSION *s) // CHECK-REMARK: 'BeginSession' is a begin-wrapper: its callers are checked for the revert [impersonation-missing-revert]
{
    if (ImpersonateNamedPipeClient(s->pipe))
        return TRUE;
    s->lastError = GetLastError();
    return FALSE;
}

DWORD ProbeClientPath(SESSION *s, const WCHAR *path, DWORD *attrs)
{
    if (!BeginSession(s))
        return s->lastError;
    *attrs = GetFileAttributesW(path);
    RevertToSelf();
    return *attrs == INVALID_FILE_ATTRIBUTES ? ERROR_FILE_NOT_FOUND : ERROR_SUCCESS;
}
