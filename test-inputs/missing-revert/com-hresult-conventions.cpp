// COM server methods that test CoImpersonateClient's HRESULT with FAILED(), with
// SUCCEEDED() and with "hr < 0", and revert with CoRevertToSelf on every path. The
// option that reports COM impersonation left in force is on, so a missed revert would
// show. CORRECT.
// RUN-OPTION: impersonation-missing-revert.ReportComAutoRevert: true
#include <windows.h>
#include <objbase.h>
#include <string>

class ReportStore {
public:
    HRESULT Open(const wchar_t *name, HANDLE *out);
    HRESULT Exists(const wchar_t *name, BOOL *exists);
    HRESULT Remove(const wchar_t *name);
};

HRESULT ReportStore::Open(const wchar_t *name, HANDLE *out)
{
    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    *out = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                       nullptr);
    if (*out == INVALID_HANDLE_VALUE)
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}

HRESULT ReportStore::Exists(const wchar_t *name, BOOL *exists)
{
    HRESULT hr = CoImpersonateClient();
    if (SUCCEEDED(hr)) {
        *exists = GetFileAttributesW(name) != INVALID_FILE_ATTRIBUTES;
        hr = CoRevertToSelf();
    }
    return hr;
}

HRESULT ReportStore::Remove(const wchar_t *name)
{
    HRESULT hr = CoImpersonateClient();
    if (hr < 0)
        return hr;
    std::wstring path(name);
    if (path.find(L"..") != std::wstring::npos) {
        CoRevertToSelf();
        return E_INVALIDARG;
    }
    if (!DeleteFileW(path.c_str()))
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}
