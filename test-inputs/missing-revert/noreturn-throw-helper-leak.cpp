// C++ code that reports Win32 failures through a [[noreturn]] helper compiled in
// another file (WIL's THROW_LAST_ERROR() has this shape): ThrowLastError() always
// throws. Called while impersonating, with no guard, the exception leaves the function
// as the client. BUGGY.
#include <windows.h>
#include <string>

[[noreturn]] void ThrowLastError(const char *context); // throws a Win32 exception

std::wstring ReadClientLabel(HANDLE token, const std::wstring &path)
{
    if (!ImpersonateLoggedOnUser(token))
        ThrowLastError("ImpersonateLoggedOnUser");
    // CHECK-WARNING@-2: impersonation begun by 'ImpersonateLoggedOnUser' is still in force when 'ReadClientLabel' returns [impersonation-missing-revert]
    // CHECK-NOTE@-3: assuming the condition is false

    HANDLE h = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                           0, nullptr);
    if (h == INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is true
        ThrowLastError("CreateFileW"); // CHECK-NOTE: an exception leaves the function here while still impersonating

    wchar_t label[64] = {};
    DWORD got = 0;
    BOOL ok = ReadFile(h, label, sizeof(label) - sizeof(wchar_t), &got, nullptr);
    CloseHandle(h);
    RevertToSelf();
    if (!ok)
        ThrowLastError("ReadFile");
    return std::wstring(label, got / sizeof(wchar_t));
}
