// Registry-reading helper that runs as the client only when the caller supplied a
// token: the begin is one arm of "?:", its outcome stored, and the revert guarded by it.
// CORRECT.
#include <windows.h>

DWORD ReadClientSetting(HANDLE token, HKEY root, const WCHAR *subkey, const WCHAR *value,
                        DWORD *out)
{
    DWORD size = sizeof(*out);
    LSTATUS rc;
    BOOL impersonated = token ? ImpersonateLoggedOnUser(token) : FALSE;

    if (token && !impersonated)
        return GetLastError();

    rc = RegGetValueW(root, subkey, value, RRF_RT_REG_DWORD, NULL, out, &size);

    if (impersonated)
        RevertToSelf();
    return (DWORD)rc;
}
