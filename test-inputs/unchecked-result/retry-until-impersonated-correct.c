// Pipe server that waits for the client's first message and retries the begin until it
// works (ImpersonateNamedPipeClient fails with ERROR_CANNOT_IMPERSONATE until something
// was read), giving up after a few tries. Every path that reaches the client's file
// passed a successful begin; the path that gives up returns. CORRECT (silent).
#include <windows.h>

DWORD OpenForClient(HANDLE pipe, const WCHAR *path, HANDLE *file)
{
    int tries = 0;
    while (!ImpersonateNamedPipeClient(pipe)) {
        if (++tries == 5)
            return GetLastError();
        Sleep(50);
    }
    *file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return *file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}
