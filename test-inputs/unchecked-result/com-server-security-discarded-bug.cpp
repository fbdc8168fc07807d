// COM server (C++) impersonating through the call context's IServerSecurity: the HRESULT
// of IServerSecurity::ImpersonateClient is ignored, so when it fails the export file is
// created with the server's identity, wherever the server may write. The warning is at
// the member call and names the method ('ImpersonateClient'). The revert through
// IServerSecurity::RevertToSelf follows the access: nothing leaks. BUGGY.
#include <windows.h>
#include <objbase.h>
#include <objidl.h>

class ExportService {
public:
    HRESULT ExportTo(const wchar_t *target, const BYTE *data, DWORD cb);
};

HRESULT ExportService::ExportTo(const wchar_t *target, const BYTE *data, DWORD cb)
{
    IServerSecurity *security = nullptr;
    HRESULT hr = CoGetCallContext(IID_IServerSecurity, reinterpret_cast<void **>(&security));
    if (FAILED(hr))
        return hr;

    security->ImpersonateClient(); // CHECK-WARNING: if 'ImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    HANDLE file = CreateFileW(target, GENERIC_WRITE, 0, nullptr, CREATE_NEW, 0, nullptr); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateClient' failed
    security->RevertToSelf();
    security->Release();

    if (file == INVALID_HANDLE_VALUE)
        return HRESULT_FROM_WIN32(GetLastError());
    DWORD written = 0;
    hr = WriteFile(file, data, cb, &written, nullptr) ? S_OK : HRESULT_FROM_WIN32(GetLastError());
    CloseHandle(file);
    return hr;
}
