// COM share manager (C++): both methods test CoImpersonateClient's HRESULT before any
// access -- `if (FAILED(hr)) return hr;` in one, the work inside `if (SUCCEEDED(hr))` in
// the other -- and revert with CoRevertToSelf after the work. CORRECT (silent).
#include <windows.h>
#include <objbase.h>

class ShareManager {
public:
    HRESULT STDMETHODCALLTYPE CreateShareFolder(LPCWSTR path);
    HRESULT STDMETHODCALLTYPE RemoveShareFolder(LPCWSTR path);
};

HRESULT STDMETHODCALLTYPE ShareManager::CreateShareFolder(LPCWSTR path)
{
    if (path == nullptr)
        return E_POINTER;
    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    if (!CreateDirectoryW(path, nullptr))
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}

HRESULT STDMETHODCALLTYPE ShareManager::RemoveShareFolder(LPCWSTR path)
{
    if (path == nullptr)
        return E_POINTER;
    HRESULT hr = CoImpersonateClient();
    if (SUCCEEDED(hr)) {
        if (!RemoveDirectoryW(path))
            hr = HRESULT_FROM_WIN32(GetLastError());
        CoRevertToSelf();
    }
    return hr;
}
