// __try/__finally with __leave, wrong: the __finally only closes the file, and the
// revert is the last statement of the __try body. The error path "__leave"s past it, so
// after the __finally the function returns still impersonating. BUGGY.
#include <windows.h>

DWORD AppendForClient(HANDLE pipe, const WCHAR *path, const void *data, DWORD len)
{
    HANDLE file = INVALID_HANDLE_VALUE;
    DWORD err = ERROR_SUCCESS, written = 0;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'AppendForClient' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    __try {
        file = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
        if (file == INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is false
            err = GetLastError();
            __leave;
        }
        if (!WriteFile(file, data, len, &written, NULL)) { // CHECK-NOTE: assuming the condition is true
            err = GetLastError();
            __leave;
        }
        RevertToSelf();
    } __finally {
        // The engine does not track `file` (it decides no impersonation), so this note
        // need not agree with the one above: notes on untracked values show one path.
        if (file != INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is false
            CloseHandle(file);
    }
    return err; // CHECK-NOTE: returns here while still impersonating
}
