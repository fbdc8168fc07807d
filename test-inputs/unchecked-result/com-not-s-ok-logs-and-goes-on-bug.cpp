// COM server method: the HRESULT of CoImpersonateClient is compared with S_OK, but the
// failure branch only traces and the method goes on to delete the client-named archive:
// with the server's own token when the begin failed (fail-open). BUGGY.
#include <windows.h>
#include <objbase.h>

extern void Trace(const char *text);

HRESULT DeleteArchive(LPCWSTR path)
{
    HRESULT hr = CoImpersonateClient(); // CHECK-WARNING: if 'CoImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (hr != S_OK) // CHECK-NOTE: assuming the condition is true
        Trace("CoImpersonateClient failed");
    // CHECK-NOTE@+1: 'DeleteFileW' runs here with the service's own token when 'CoImpersonateClient' failed
    hr = DeleteFileW(path) ? S_OK : HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}
