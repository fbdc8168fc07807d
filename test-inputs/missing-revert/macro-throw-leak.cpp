// C++ service code with a THROW_LAST_ERROR_IF() helper macro that expands to a throw.
// The throw happens while impersonating, there is no guard object and nothing catches
// locally: the exception leaves the function with the client's token in force. BUGGY.
#include <windows.h>
#include <stdexcept>
#include <string>

struct Win32Error : std::runtime_error {
    DWORD code;
    explicit Win32Error(DWORD c) : std::runtime_error("win32 error"), code(c) {}
};

#define THROW_LAST_ERROR_IF(cond)                                                          \
    do {                                                                                   \
        if (cond)                                                                          \
            throw Win32Error(GetLastError());                                              \
    } while (0)

ULONGLONG ClientFileSize(HANDLE pipe, const std::wstring &path)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ClientFileSize' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    THROW_LAST_ERROR_IF(!ImpersonateNamedPipeClient(pipe));

    WIN32_FILE_ATTRIBUTE_DATA data;
    // CHECK-NOTE@+2: assuming the condition is true
    // CHECK-NOTE@+1: an exception leaves the function here while still impersonating
    THROW_LAST_ERROR_IF(!GetFileAttributesExW(path.c_str(), GetFileExInfoStandard, &data));

    RevertToSelf();
    return (static_cast<ULONGLONG>(data.nFileSizeHigh) << 32) | data.nFileSizeLow;
}
