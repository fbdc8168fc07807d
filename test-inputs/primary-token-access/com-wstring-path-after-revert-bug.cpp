// COM export server (C++): Export() checks, as the caller, that the target folder exists,
// reverts, and then creates the export file in that folder with the server's token. The
// folder is the caller's (it was probed as the caller); the name is built with
// std::wstring and handed to CreateFileW through c_str(). BUGGY.
#include <windows.h>
#include <objbase.h>
#include <string>

class Exporter {
public:
    HRESULT Export(const wchar_t *folder, const wchar_t *name);
};

HRESULT Exporter::Export(const wchar_t *folder, const wchar_t *name)
{
    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    std::wstring dir(folder);
    DWORD attrs = GetFileAttributesW(dir.c_str()); // CHECK-NOTE: 'GetFileAttributesW' uses this name as the client's object here
    CoRevertToSelf(); // CHECK-NOTE: impersonation ends here
    if (attrs == INVALID_FILE_ATTRIBUTES)
        return HRESULT_FROM_WIN32(GetLastError());
    std::wstring target = dir + L"\\" + name;
    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    HANDLE file = CreateFileW(target.c_str(), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return HRESULT_FROM_WIN32(GetLastError());
    CloseHandle(file);
    return S_OK;
}
