// COM archive service (C++): DeleteArchive was ported from code whose helper returned
// BOOL and still tests CoImpersonateClient's HRESULT with `!` -- SUCCEEDED reversed:
// `!hr` is true for S_OK, so the method returns E_ACCESSDENIED when impersonation
// SUCCEEDED and goes on when it FAILED (hr < 0), deleting the archive with the server's
// token. The early return on the success path is left to COM's automatic revert
// (missing-revert is silent by default for COM). BUGGY.
#include <windows.h>
#include <objbase.h>

class ArchiveService {
public:
    HRESULT STDMETHODCALLTYPE DeleteArchive(LPCWSTR name);
};

HRESULT STDMETHODCALLTYPE ArchiveService::DeleteArchive(LPCWSTR name)
{
    WCHAR path[MAX_PATH];
    if (name == nullptr || lstrlenW(name) > 64)
        return E_INVALIDARG;
    lstrcpyW(path, L"D:\\Archives\\");
    lstrcatW(path, name);

    // CHECK-WARNING@+2: if 'CoImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!CoImpersonateClient())
        return E_ACCESSDENIED;

    HRESULT hr = S_OK;
    if (!DeleteFileW(path)) // CHECK-NOTE: 'DeleteFileW' runs here with the service's own token when 'CoImpersonateClient' failed
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}
