// A begin-wrapper converting the BOOL of ImpersonateLoggedOnUser into an HRESULT
// (`HRESULT_FROM_WIN32(GetLastError())` on failure). Every caller tests what it returns
// before touching a file: `if (FAILED(hr)) return hr;` and `if (SUCCEEDED(hr)) { ... }`.
// The wrapper is not reported, and no caller is. CORRECT (silent).
#include <windows.h>

typedef struct {
    HANDLE userToken;
    WCHAR home[MAX_PATH];
} USER_SESSION;

static HRESULT BeginUser(const USER_SESSION *session)
{
    if (!ImpersonateLoggedOnUser(session->userToken))
        return HRESULT_FROM_WIN32(GetLastError());
    return S_OK;
}

HRESULT CreateUserFolder(const USER_SESSION *session, const WCHAR *folder)
{
    HRESULT hr = BeginUser(session);
    if (FAILED(hr))
        return hr;
    if (!CreateDirectoryW(folder, NULL))
        hr = HRESULT_FROM_WIN32(GetLastError());
    RevertToSelf();
    return hr;
}

HRESULT RemoveUserFile(const USER_SESSION *session, const WCHAR *file)
{
    HRESULT hr = BeginUser(session);
    if (SUCCEEDED(hr)) {
        if (!DeleteFileW(file))
            hr = HRESULT_FROM_WIN32(GetLastError());
        RevertToSelf();
    }
    return hr;
}
