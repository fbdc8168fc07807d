// __try/__finally where the __finally closes the token and the revert comes after the
// guarded section. A "goto fail" out of the __try jumps past that revert: the __finally
// runs, but it has nothing to undo the impersonation with. BUGGY.
#include <windows.h>

extern BOOL ApplyQuota(const WCHAR *volume, ULONGLONG bytes);

DWORD SetQuotaAsUser(HANDLE userToken, const WCHAR *volume, ULONGLONG bytes)
{
    HANDLE token = NULL;
    DWORD err = ERROR_SUCCESS;

    if (!DuplicateToken(userToken, SecurityImpersonation, &token))
        return GetLastError();

    __try {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateLoggedOnUser' is still in force when 'SetQuotaAsUser' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateLoggedOnUser(token)) {
            err = GetLastError();
            goto fail;
        }
        if (bytes == 0) { // CHECK-NOTE: assuming the condition is true
            err = ERROR_INVALID_PARAMETER;
            goto fail; /* jumps past the revert below */
        }
        if (!ApplyQuota(volume, bytes))
            err = GetLastError();
    } __finally {
        CloseHandle(token);
    }
    RevertToSelf();
    return err;

fail:
    return err; // CHECK-NOTE: returns here while still impersonating
}
