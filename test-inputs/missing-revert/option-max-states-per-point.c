// MaxStatesPerPoint: 1 -- the tightest bound. Beyond the bound the engine drops facts,
// never states, so (a) a leak is still found, (b) code whose revert does not depend on a
// fact stays silent, and (c) a revert guarded by a flag can no longer be matched to the
// begin: that is the documented price of the bound, reported here on purpose. Under the
// default bound (16) the last function is silent. BUGGY (Leaky), PRECISION LOSS (Flagged).
// RUN-OPTION: impersonation-missing-revert.MaxStatesPerPoint: 1
#include <windows.h>

DWORD Leaky(HANDLE pipe, const WCHAR *path, DWORD mode)
{
    DWORD err = ERROR_SUCCESS;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'Leaky' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (mode & 1) // CHECK-NOTE: assuming the condition is false
        err = GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES ? GetLastError() : 0;
    if (mode & 2) // CHECK-NOTE: assuming the condition is true
        return err; // CHECK-NOTE: returns here while still impersonating
    RevertToSelf();
    return err;
}

DWORD StraightLine(HANDLE pipe, const WCHAR *path, DWORD mode)
{
    DWORD err = ERROR_SUCCESS;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (mode & 1)
        err = GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES ? GetLastError() : 0;
    if ((mode & 2) && err == ERROR_SUCCESS)
        err = DeleteFileW(path) ? ERROR_SUCCESS : GetLastError();
    RevertToSelf();
    return err;
}

DWORD Flagged(HANDLE token, const WCHAR *path)
{
    BOOL impersonating = FALSE;
    DWORD err = ERROR_SUCCESS;

    if (token != NULL) {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateLoggedOnUser' is still in force when 'Flagged' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateLoggedOnUser(token))
            return GetLastError();
        impersonating = TRUE;
    }
    if (!DeleteFileW(path)) // CHECK-NOTE: assuming the condition is false
        err = GetLastError();
    if (impersonating) // CHECK-NOTE: assuming the condition is false
        RevertToSelf();
    return err; // CHECK-NOTE: returns here while still impersonating
}
