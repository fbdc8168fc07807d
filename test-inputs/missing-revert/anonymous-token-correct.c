// A public endpoint that must not use the service's identity to look at a client-named
// share: it impersonates the anonymous token on the current thread, probes the share,
// and reverts on every path. CORRECT.
#include <windows.h>

DWORD ProbePublicShare(const WCHAR *unc, DWORD *attrs)
{
    DWORD err = ERROR_SUCCESS;

    if (unc == NULL || unc[0] != L'\\' || unc[1] != L'\\')
        return ERROR_BAD_PATHNAME;

    if (!ImpersonateAnonymousToken(GetCurrentThread()))
        return GetLastError();

    *attrs = GetFileAttributesW(unc);
    if (*attrs == INVALID_FILE_ATTRIBUTES) {
        err = GetLastError();
        RevertToSelf();
        return err == ERROR_ACCESS_DENIED ? ERROR_NOT_AUTHENTICATED : err;
    }
    RevertToSelf();
    return ERROR_SUCCESS;
}
