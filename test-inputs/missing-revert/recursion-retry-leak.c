// A recursive retry: on a sharing violation the function calls itself to try again --
// while still impersonating. RevertToSelf is not nested, so a retry that gets as far as
// its own revert undoes the outer begin too; but a retry whose begin fails returns at
// once, and the outer level passes that return on with the client's token in force.
// BUGGY.
#include <windows.h>

DWORD OpenWithRetry(HANDLE pipe, const WCHAR *path, unsigned attempt, HANDLE *out)
{
    DWORD err;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'OpenWithRetry' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    *out = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (*out == INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is true
        err = GetLastError();
        if (err == ERROR_SHARING_VIOLATION && attempt < 3) { // CHECK-NOTE: assuming the condition is true
            Sleep(100u << attempt);
            return OpenWithRetry(pipe, path, attempt + 1, out); // CHECK-NOTE: returns here while still impersonating
        }
        RevertToSelf();
        return err;
    }
    RevertToSelf();
    return ERROR_SUCCESS;
}
