// COM server method that never calls CoRevertToSelf: COM reverts the thread itself when
// the call returns, so by default this is not reported (style, not a vulnerability).
// The same code with ReportComAutoRevert is com-auto-revert-reported.cpp. CORRECT
// (silent by default).
#include <windows.h>
#include <objbase.h>

class AuditLog {
public:
    HRESULT Append(const wchar_t *file, const char *line, DWORD len);
};

HRESULT AuditLog::Append(const wchar_t *file, const char *line, DWORD len)
{
    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;

    HANDLE h = CreateFileW(file, FILE_APPEND_DATA, FILE_SHARE_READ, nullptr, OPEN_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        return HRESULT_FROM_WIN32(GetLastError());

    DWORD written = 0;
    BOOL ok = WriteFile(h, line, len, &written, nullptr);
    CloseHandle(h);
    return ok ? S_OK : HRESULT_FROM_WIN32(GetLastError());
}
