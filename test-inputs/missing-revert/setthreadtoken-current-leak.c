// SetThreadToken(NULL, token) puts a duplicated client token on the calling thread and
// SetThreadToken(NULL, NULL) takes it off again. The handler removes the token on the
// success path, but the path that fails to open the client's output file returns with
// the token still on the thread. BUGGY.
#include <windows.h>

DWORD WriteClientOutput(HANDLE clientToken, const WCHAR *path, const void *data, DWORD len)
{
    HANDLE dup = NULL, file;
    DWORD written = 0, err = ERROR_SUCCESS;

    if (!DuplicateTokenEx(clientToken, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL,
                          SecurityImpersonation, TokenImpersonation, &dup))
        return GetLastError();

    // CHECK-WARNING@+2: impersonation begun by 'SetThreadToken' is still in force when 'WriteClientOutput' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!SetThreadToken(NULL, dup)) {
        err = GetLastError();
        CloseHandle(dup);
        return err;
    }
    CloseHandle(dup); /* the thread holds its own reference */

    file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is true
        return GetLastError(); // CHECK-NOTE: returns here while still impersonating
    if (!WriteFile(file, data, len, &written, NULL))
        err = GetLastError();
    CloseHandle(file);
    SetThreadToken(NULL, NULL);
    return err;
}
