// COM method that impersonates through the call context's IServerSecurity and returns
// early on a bad argument without IServerSecurity::RevertToSelf. Reported because the
// configuration asks for COM reverts to be explicit. BUGGY under this option.
// RUN-OPTION: impersonation-missing-revert.ReportComAutoRevert: true
#include <windows.h>
#include <objbase.h>
#include <objidl.h>

class ProfileService {
public:
    HRESULT LoadProfile(const wchar_t *name, BYTE *out, DWORD cb, DWORD *got);
};

HRESULT ProfileService::LoadProfile(const wchar_t *name, BYTE *out, DWORD cb, DWORD *got)
{
    IServerSecurity *security = nullptr;
    HRESULT hr = CoGetCallContext(IID_IServerSecurity, reinterpret_cast<void **>(&security));
    if (FAILED(hr))
        return hr;

    hr = security->ImpersonateClient(); // CHECK-WARNING: impersonation begun by 'ImpersonateClient' is still in force when 'ProfileService::LoadProfile' returns [impersonation-missing-revert]
    if (FAILED(hr)) { // CHECK-NOTE: assuming the condition is false
        security->Release();
        return hr;
    }

    if (name == nullptr || out == nullptr) { // CHECK-NOTE: assuming the condition is true
        security->Release();
        return E_POINTER; // CHECK-NOTE: returns here while still impersonating
    }

    HANDLE h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                           nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        hr = HRESULT_FROM_WIN32(GetLastError());
    } else {
        if (!ReadFile(h, out, cb, got, nullptr))
            hr = HRESULT_FROM_WIN32(GetLastError());
        CloseHandle(h);
    }
    security->RevertToSelf();
    security->Release();
    return hr;
}
