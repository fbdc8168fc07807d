// C++ with exceptions, fail-closed: a failed ImpersonateLoggedOnUser throws
// (ThrowLastError, a same-file [[noreturn]] helper) and nothing in this function catches
// it, so the access is only reached after a successful begin. A local guard struct
// reverts on every way out after the begin, the throw included. CORRECT (silent).
#include <windows.h>
#include <string>
#include <system_error>

[[noreturn]] static void ThrowLastError(const char *what)
{
    throw std::system_error(static_cast<int>(GetLastError()), std::system_category(), what);
}

std::string ReadAsUser(HANDLE userToken, const std::wstring &path)
{
    if (!ImpersonateLoggedOnUser(userToken))
        ThrowLastError("ImpersonateLoggedOnUser");
    struct Revert {
        ~Revert() { RevertToSelf(); }
    } revert;

    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                              0, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        ThrowLastError("CreateFileW");

    std::string text;
    char buf[4096];
    DWORD got = 0;
    while (ReadFile(file, buf, sizeof buf, &got, nullptr) && got != 0)
        text.append(buf, got);
    CloseHandle(file);
    return text;
}
