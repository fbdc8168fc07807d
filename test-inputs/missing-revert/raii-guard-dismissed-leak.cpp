// A guard with a Dismiss() method (for handing the impersonation to a caller). One
// error path dismisses the guard "to keep the error code intact" and returns: nothing
// reverts on that path. BUGGY.
#include <windows.h>
#include <string>

class RevertOnExit {
public:
    RevertOnExit() = default;
    ~RevertOnExit() {
        if (armed_)
            RevertToSelf();
    }
    void Dismiss() { armed_ = false; }
    RevertOnExit(const RevertOnExit &) = delete;
    RevertOnExit &operator=(const RevertOnExit &) = delete;

private:
    bool armed_ = true;
};

DWORD TouchAsClient(HANDLE pipe, const std::wstring &path)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'TouchAsClient' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    RevertOnExit revert;

    HANDLE h = CreateFileW(path.c_str(), FILE_WRITE_ATTRIBUTES, 0, nullptr, OPEN_EXISTING, 0,
                           nullptr);
    if (h == INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is true
        DWORD err = GetLastError();
        revert.Dismiss(); /* wrong: "so the destructor cannot clobber GetLastError" */
        return err; // CHECK-NOTE: returns here while still impersonating
    }
    FILETIME now;
    GetSystemTimeAsFileTime(&now);
    SetFileTime(h, nullptr, nullptr, &now);
    CloseHandle(h);
    return ERROR_SUCCESS;
}
