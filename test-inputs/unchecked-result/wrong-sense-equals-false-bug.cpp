// Per-user report writer (C++): the service holds each user's logon token and writes
// the user's reports into a folder the user chose, as that user. The test of the begin
// is a typo, `ok == FALSE` where `ok != FALSE` was meant: the report is written exactly
// when ImpersonateLoggedOnUser FAILED, with the service's token. The revert is
// unconditional (harmless when nothing was begun), so nothing leaks. BUGGY.
#include <windows.h>
#include <string>

class ReportWriter {
public:
    ReportWriter(HANDLE userToken, std::wstring folder)
        : token_(userToken), folder_(std::move(folder)) {}
    DWORD Write(const std::wstring &name, const std::string &text);

private:
    HANDLE token_;
    std::wstring folder_;
};

DWORD ReportWriter::Write(const std::wstring &name, const std::string &text)
{
    DWORD err = ERROR_ACCESS_DENIED;
    const std::wstring path = folder_ + L"\\" + name;

    BOOL ok = ImpersonateLoggedOnUser(token_); // CHECK-WARNING: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (ok == FALSE) { // CHECK-NOTE: assuming the condition is true
        HANDLE file = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
                                  FILE_ATTRIBUTE_NORMAL, nullptr);
        if (file == INVALID_HANDLE_VALUE) {
            err = GetLastError();
        } else {
            DWORD written = 0;
            err = WriteFile(file, text.data(), static_cast<DWORD>(text.size()), &written, nullptr)
                      ? ERROR_SUCCESS
                      : GetLastError();
            CloseHandle(file);
        }
    }
    RevertToSelf();
    return err;
}
