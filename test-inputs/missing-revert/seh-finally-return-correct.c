// Structured exception handling as Windows C code uses it for cleanup: the revert lives
// in the __finally block, and the __try body returns early on two error paths. The
// __finally runs on those returns as well as on the fall-through. CORRECT.
#include <windows.h>

DWORD ReadClientConfig(HANDLE pipe, const WCHAR *path, BYTE *out, DWORD cb, DWORD *got)
{
    HANDLE file = INVALID_HANDLE_VALUE;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    __try {
        file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        if (file == INVALID_HANDLE_VALUE)
            return GetLastError();
        if (!ReadFile(file, out, cb, got, NULL))
            return GetLastError();
        if (*got == 0)
            return ERROR_NO_DATA;
    } __finally {
        if (file != INVALID_HANDLE_VALUE)
            CloseHandle(file);
        RevertToSelf();
    }
    return ERROR_SUCCESS;
}
