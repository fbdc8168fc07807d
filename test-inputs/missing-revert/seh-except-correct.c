// __try/__except done right: a flag records the successful begin, and the __except
// handler reverts when it is set before turning the exception into an error code.
// CORRECT.
#include <windows.h>

extern DWORD ParseClientBuffer(const BYTE *buffer, DWORD size, WCHAR *name, DWORD cch);

DWORD OpenNamedResource(HANDLE pipe, const BYTE *buffer, DWORD size, HANDLE *out)
{
    WCHAR name[MAX_PATH];
    DWORD err;
    volatile BOOL impersonating = FALSE;

    *out = INVALID_HANDLE_VALUE;
    __try {
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        impersonating = TRUE;
        err = ParseClientBuffer(buffer, size, name, MAX_PATH);
        if (err == ERROR_SUCCESS) {
            *out = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
            if (*out == INVALID_HANDLE_VALUE)
                err = GetLastError();
        }
        RevertToSelf();
        impersonating = FALSE;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        if (impersonating)
            RevertToSelf();
        return ERROR_INVALID_USER_BUFFER;
    }
    return err;
}
