// C++ profile service: as failure-only-logged-bug.cpp, but the failure branch logs and
// returns the error; the store only runs as the caller. CORRECT.
#include <windows.h>

void LogWarning(const wchar_t *what, DWORD code); // logging.cpp

class ProfileStore {
public:
    HRESULT Save(const wchar_t *user, const void *data, DWORD size); // store.cpp
};

HRESULT SaveProfile(HANDLE token, ProfileStore &store, const wchar_t *user,
                    const void *data, DWORD size)
{
    if (!ImpersonateLoggedOnUser(token)) {
        DWORD err = GetLastError();
        LogWarning(L"could not impersonate", err);
        return HRESULT_FROM_WIN32(err);
    }
    HRESULT hr = store.Save(user, data, size);
    RevertToSelf();
    return hr;
}
