// Two ways to act as the client -- a stored logon token or the pipe itself -- and a
// context flag that the final cleanup tests. Only the token branch sets the flag, so the
// pipe branch is never reverted. BUGGY (the pipe begin only).
#include <windows.h>

typedef struct {
    HANDLE pipe;
    HANDLE token; /* set when the client authenticated with a password */
    BOOL impersonating;
    WCHAR requested[MAX_PATH];
} CONNECTION;

DWORD QueryAttributes(CONNECTION *conn, DWORD *attrs)
{
    DWORD err = ERROR_SUCCESS;

    conn->impersonating = FALSE;
    if (conn->token != NULL) {
        if (!ImpersonateLoggedOnUser(conn->token))
            return GetLastError();
        conn->impersonating = TRUE;
    } else {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'QueryAttributes' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(conn->pipe))
            return GetLastError();
        /* missing: conn->impersonating = TRUE; */
    }

    *attrs = GetFileAttributesW(conn->requested);
    if (*attrs == INVALID_FILE_ATTRIBUTES) // CHECK-NOTE: assuming the condition is false
        err = GetLastError();

    if (conn->impersonating) // CHECK-NOTE: assuming the condition is false
        RevertToSelf();
    return err; // CHECK-NOTE: returns here while still impersonating
}
