// COM thumbnail-cache server (C): DeleteThumbnail impersonates the caller so that the
// cache entry's ACL decides. A "compatibility" branch serves callers that cannot be
// impersonated (in-process activation has no call context) directly: `if (FAILED(hr))`
// guards the main work, which then runs with the server's token. The work is in a
// same-file helper; the note names the helper called on the failure branch. BUGGY.
#include <windows.h>
#include <objbase.h>

static HRESULT RemoveCacheEntry(const WCHAR *entry)
{
    if (!DeleteFileW(entry))
        return HRESULT_FROM_WIN32(GetLastError());
    return S_OK;
}

HRESULT ThumbCache_DeleteThumbnail(void *self, const WCHAR *entry)
{
    HRESULT hr;
    (void)self;
    if (entry == NULL)
        return E_POINTER;

    hr = CoImpersonateClient(); // CHECK-WARNING: if 'CoImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (FAILED(hr)) { // CHECK-NOTE: assuming the condition is true
        OutputDebugStringW(L"thumbcache: caller not impersonated, serving directly\n");
        return RemoveCacheEntry(entry); // CHECK-NOTE: 'RemoveCacheEntry' runs here with the service's own token when 'CoImpersonateClient' failed
    }
    hr = RemoveCacheEntry(entry);
    CoRevertToSelf();
    return hr;
}
