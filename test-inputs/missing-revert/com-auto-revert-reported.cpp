// The code of com-auto-revert-default.cpp under ReportComAutoRevert: true. Code that
// relies on COM's implicit revert at the end of the call is reported, with a note at
// each exit reached as the client. BUGGY under this option.
// RUN-OPTION: impersonation-missing-revert.ReportComAutoRevert: true
#include <windows.h>
#include <objbase.h>

class AuditLog {
public:
    HRESULT Append(const wchar_t *file, const char *line, DWORD len);
};

HRESULT AuditLog::Append(const wchar_t *file, const char *line, DWORD len)
{
    HRESULT hr = CoImpersonateClient(); // CHECK-WARNING: impersonation begun by 'CoImpersonateClient' is still in force when 'AuditLog::Append' returns [impersonation-missing-revert]
    if (FAILED(hr)) // CHECK-NOTE: assuming the condition is false
        return hr;

    HANDLE h = CreateFileW(file, FILE_APPEND_DATA, FILE_SHARE_READ, nullptr, OPEN_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is true
        // The "?:" inside the HRESULT_FROM_WIN32 expansion is no decision of this code.
        // CHECK-NOTE@+1: returns here while still impersonating
        return HRESULT_FROM_WIN32(GetLastError());

    DWORD written = 0;
    BOOL ok = WriteFile(h, line, len, &written, nullptr);
    CloseHandle(h);
    return ok ? S_OK : HRESULT_FROM_WIN32(GetLastError()); // CHECK-NOTE: returns here while still impersonating
}
