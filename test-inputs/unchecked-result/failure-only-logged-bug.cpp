// C++ profile service: SaveProfile impersonates the caller's logon token; when that fails
// the branch only logs a warning and rejoins the main path, so the profile store (another
// file) writes the caller's profile with the service's token. BUGGY.
#include <windows.h>

void LogWarning(const wchar_t *what, DWORD code); // logging.cpp

class ProfileStore {
public:
    HRESULT Save(const wchar_t *user, const void *data, DWORD size); // store.cpp
};

HRESULT SaveProfile(HANDLE token, ProfileStore &store, const wchar_t *user,
                    const void *data, DWORD size)
{
    // CHECK-WARNING@+2: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: assuming the condition is true
    if (!ImpersonateLoggedOnUser(token))
        LogWarning(L"could not impersonate", GetLastError());
    HRESULT hr = store.Save(user, data, size); // CHECK-NOTE: 'Save' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
    RevertToSelf();
    return hr;
}
