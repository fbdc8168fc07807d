// A service built on an in-house security library whose MyImpersonate() begins
// impersonation and reports an HRESULT; the library is compiled separately, so the
// team names it in BeginFunctions with its convention. The failure path (FAILED) is
// silent, the early return after success is reported. BUGGY.
// RUN-OPTION: impersonation-missing-revert.BeginFunctions: MyImpersonate:HRESULT
// RUN-OPTION: impersonation-missing-revert.EndFunctions: MyRevert
#include <windows.h>

/* secure_client.h */
HRESULT MyImpersonate(void *clientContext);
HRESULT MyRevert(void *clientContext);

HRESULT ExportClientReport(void *client, const WCHAR *path, const BYTE *data, DWORD cb)
{
    HANDLE file;
    DWORD written = 0;
    HRESULT hr = MyImpersonate(client); // CHECK-WARNING: impersonation begun by 'MyImpersonate' is still in force when 'ExportClientReport' returns [impersonation-missing-revert]
    if (FAILED(hr)) // CHECK-NOTE: assuming the condition is false
        return hr;

    if (cb == 0 || data == NULL) // CHECK-NOTE: assuming the condition is true
        return E_INVALIDARG; // CHECK-NOTE: returns here while still impersonating

    file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        hr = HRESULT_FROM_WIN32(GetLastError());
    } else {
        if (!WriteFile(file, data, cb, &written, NULL))
            hr = HRESULT_FROM_WIN32(GetLastError());
        CloseHandle(file);
    }
    MyRevert(client);
    return hr;
}
