// COM report service: OpenInViewer starts the report viewer for the calling user. While
// impersonating (CoImpersonateClient) it duplicates the thread token into a primary token
// and calls CreateProcessWithTokenW, still impersonating. CreateProcessWithTokenW is never
// reported: the child gets the token it is given. CoRevertToSelf on every path (COM would
// revert at the end of the call anyway). CORRECT.
#include <windows.h>
#include <objbase.h>
#include <string>

class ReportService {
public:
    HRESULT OpenInViewer(const wchar_t *reportName);
};

HRESULT ReportService::OpenInViewer(const wchar_t *reportName)
{
    if (reportName == nullptr || wcspbrk(reportName, L"\\/:\"") != nullptr)
        return E_INVALIDARG;
    std::wstring cmd = L"\"C:\\Program Files\\Contoso\\viewer.exe\" \"";
    cmd += reportName;
    cmd += L"\"";

    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;

    HANDLE thread_token = nullptr, primary = nullptr;
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_DUPLICATE | TOKEN_QUERY, TRUE, &thread_token) ||
        !DuplicateTokenEx(thread_token, TOKEN_ALL_ACCESS, nullptr, SecurityImpersonation,
                          TokenPrimary, &primary)) {
        hr = HRESULT_FROM_WIN32(GetLastError());
    } else {
        STARTUPINFOW si{};
        si.cb = sizeof(si);
        PROCESS_INFORMATION pi{};
        if (CreateProcessWithTokenW(primary, LOGON_WITH_PROFILE, nullptr, &cmd[0], 0, nullptr,
                                    nullptr, &si, &pi)) {
            CloseHandle(pi.hThread);
            CloseHandle(pi.hProcess);
        } else {
            hr = HRESULT_FROM_WIN32(GetLastError());
        }
    }
    if (primary != nullptr)
        CloseHandle(primary);
    if (thread_token != nullptr)
        CloseHandle(thread_token);
    CoRevertToSelf();
    return hr;
}
