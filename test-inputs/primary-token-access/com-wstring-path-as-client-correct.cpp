// COM export server (C++): as com-wstring-path-after-revert-bug.cpp, but the export file
// is created while still impersonating the caller, and the revert comes after it. CORRECT.
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
    std::wstring target = dir + L"\\" + name;
    HANDLE file = CreateFileW(target.c_str(), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        hr = HRESULT_FROM_WIN32(GetLastError());
    else
        CloseHandle(file);
    CoRevertToSelf();
    return hr;
}
