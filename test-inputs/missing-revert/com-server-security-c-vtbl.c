// The same kind of COM method written in C: IServerSecurity through the COBJMACROS
// lpVtbl macros. The revert sits in the success branch of the read only; the path where
// CreateFileW fails returns as the client. BUGGY under ReportComAutoRevert.
// RUN-OPTION: impersonation-missing-revert.ReportComAutoRevert: true
#define COBJMACROS
#include <windows.h>
#include <objbase.h>
#include <objidl.h>

HRESULT Profile_Load(const WCHAR *name, BYTE *out, DWORD cb, DWORD *got)
{
    IServerSecurity *security = NULL;
    HANDLE h;
    HRESULT hr = CoGetCallContext(&IID_IServerSecurity, (void **)&security);
    if (FAILED(hr))
        return hr;

    hr = IServerSecurity_ImpersonateClient(security); // CHECK-WARNING: impersonation begun by 'ImpersonateClient' is still in force when 'Profile_Load' returns [impersonation-missing-revert]
    if (FAILED(hr)) { // CHECK-NOTE: assuming the condition is false
        IServerSecurity_Release(security);
        return hr;
    }

    h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is true
        IServerSecurity_Release(security);
        // CHECK-NOTE@+1: returns here while still impersonating
        return HRESULT_FROM_WIN32(GetLastError());
    }
    if (!ReadFile(h, out, cb, got, NULL))
        hr = HRESULT_FROM_WIN32(GetLastError());
    CloseHandle(h);
    IServerSecurity_RevertToSelf(security);
    IServerSecurity_Release(security);
    return hr;
}
