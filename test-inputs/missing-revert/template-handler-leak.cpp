// A function template that runs a callable as the pipe client. The template reverts
// only when the callable succeeds; on failure it returns the callable's error with the
// client's token in force. Instantiated twice, reported once (at the template's begin).
// BUGGY.
#include <windows.h>
#include <string>

template <typename Fn>
DWORD RunAsPipeClient(HANDLE pipe, Fn &&fn)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'RunAsPipeClient' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    DWORD err = fn();
    if (err != ERROR_SUCCESS) // CHECK-NOTE: assuming the condition is true
        return err; // CHECK-NOTE: returns here while still impersonating
    RevertToSelf();
    return ERROR_SUCCESS;
}

DWORD DeleteForClient(HANDLE pipe, const std::wstring &path)
{
    return RunAsPipeClient(pipe, [&]() -> DWORD {
        return DeleteFileW(path.c_str()) ? ERROR_SUCCESS : GetLastError();
    });
}

struct Touch {
    const std::wstring &path;
    DWORD operator()() const {
        HANDLE h = CreateFileW(path.c_str(), FILE_WRITE_ATTRIBUTES, 0, nullptr, OPEN_EXISTING,
                               0, nullptr);
        if (h == INVALID_HANDLE_VALUE)
            return GetLastError();
        CloseHandle(h);
        return ERROR_SUCCESS;
    }
};

DWORD TouchForClient(HANDLE pipe, const std::wstring &path)
{
    return RunAsPipeClient(pipe, Touch{path});
}
