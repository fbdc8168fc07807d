// A backward "goto retry": when the client's file is locked by another process, the
// handler reverts, waits, and jumps back to impersonate again. Every path that leaves
// the function has reverted. CORRECT.
#include <windows.h>

#define MAX_RETRIES 5

DWORD LockClientFile(HANDLE pipe, const WCHAR *path, HANDLE *out)
{
    unsigned attempt = 0;
    DWORD err;

retry:
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    *out = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    err = *out == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    RevertToSelf();
    if (err == ERROR_SHARING_VIOLATION && ++attempt < MAX_RETRIES) {
        Sleep(20u * attempt);
        goto retry;
    }
    return err;
}
