// WIL-style error macros (written out here): RETURN_IF_WIN32_BOOL_FALSE and
// RETURN_IF_FAILED hide an early return on the begin's failure, the first testing the
// BOOL of ImpersonateNamedPipeClient, the second a stored HRESULT of CoImpersonateClient
// with FAILED(). The access is only reached after a successful begin. CORRECT (silent).
#include <windows.h>
#include <objbase.h>
#include <string>

#define RETURN_IF_WIN32_BOOL_FALSE(expr)                                                   \
    do {                                                                                   \
        if (!(expr))                                                                       \
            return HRESULT_FROM_WIN32(GetLastError());                                     \
    } while (0)

#define RETURN_IF_FAILED(expr)                                                             \
    do {                                                                                   \
        HRESULT hr_ = (expr);                                                              \
        if (FAILED(hr_))                                                                   \
            return hr_;                                                                    \
    } while (0)

HRESULT ProbeClientPath(HANDLE pipe, const std::wstring &path, DWORD &attributes)
{
    RETURN_IF_WIN32_BOOL_FALSE(ImpersonateNamedPipeClient(pipe));
    attributes = GetFileAttributesW(path.c_str());
    const HRESULT hr =
        attributes == INVALID_FILE_ATTRIBUTES ? HRESULT_FROM_WIN32(GetLastError()) : S_OK;
    RevertToSelf();
    return hr;
}

HRESULT CreateClientFolder(const std::wstring &folder)
{
    RETURN_IF_FAILED(CoImpersonateClient());
    const HRESULT hr =
        CreateDirectoryW(folder.c_str(), nullptr) ? S_OK : HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}
