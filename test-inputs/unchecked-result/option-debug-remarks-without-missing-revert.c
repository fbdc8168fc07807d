// Debug: true with missing-revert disabled: the engine's remarks are still given, once,
// by the first enabled check (here unchecked-result; spawn-while-impersonating, also
// enabled, does not repeat them). BeginSession is an inferred begin-wrapper; its caller
// tests the result, so nothing is reported. CORRECT (remarks only).
// RUN-CHECKS: -*,impersonation-unchecked-result,impersonation-spawn-while-impersonating
// RUN-OPTION: Debug: true
#include <windows.h>

typedef struct {
    HANDLE pipe;
    DWORD lastError;
} SESSION;

static BOOL BeginSession(SESSION *s) // CHECK-REMARK: 'BeginSession' is a begin-wrapper: its callers are checked for the revert [impersonation-unchecked-result]
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
