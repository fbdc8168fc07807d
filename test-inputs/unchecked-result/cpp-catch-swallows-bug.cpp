// C++ with exceptions: the begin's failure is turned into an exception, but the `try`
// around it is too small -- `catch (...)` logs and the function carries on into the
// main work, which runs with the service's token when ImpersonateLoggedOnUser failed.
// A fail-open hidden by exception handling: the witness goes from the failure test
// through the throw and the handler to the access. BUGGY.
#include <windows.h>
#include <stdexcept>
#include <string>

extern void LogCurrentException(const char *where) noexcept;

DWORD PublishForUser(HANDLE userToken, const std::wstring &target, const std::string &content)
{
    try {
        // CHECK-WARNING@+2: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
        // CHECK-NOTE@+1: assuming the condition is true
        if (!ImpersonateLoggedOnUser(userToken))
            throw std::runtime_error("ImpersonateLoggedOnUser failed");
    } catch (...) {
        LogCurrentException("PublishForUser");
    }

    DWORD err = ERROR_SUCCESS;
    HANDLE file = CreateFileW(target.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
    if (file == INVALID_HANDLE_VALUE) {
        err = GetLastError();
    } else {
        DWORD written = 0;
        if (!WriteFile(file, content.data(), static_cast<DWORD>(content.size()), &written, nullptr))
            err = GetLastError();
        CloseHandle(file);
    }
    RevertToSelf();
    return err;
}
