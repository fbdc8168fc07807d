// A __try/__except inside the impersonated section protects only the parse of the
// client's buffer; the handler records the error and control continues to the single
// RevertToSelf after the guarded block. CORRECT.
#include <windows.h>

extern DWORD ParseClientBuffer(const BYTE *buffer, DWORD size, WCHAR *name, DWORD cch);

DWORD ResolveClientName(HANDLE pipe, const BYTE *buffer, DWORD size, DWORD *attrs)
{
    WCHAR name[MAX_PATH];
    DWORD err;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    __try {
        err = ParseClientBuffer(buffer, size, name, MAX_PATH);
    } __except (GetExceptionCode() == EXCEPTION_ACCESS_VIOLATION ? EXCEPTION_EXECUTE_HANDLER
                                                                   : EXCEPTION_CONTINUE_SEARCH) {
        err = ERROR_INVALID_USER_BUFFER;
    }

    if (err == ERROR_SUCCESS) {
        *attrs = GetFileAttributesW(name);
        if (*attrs == INVALID_FILE_ATTRIBUTES)
            err = GetLastError();
    }

    RevertToSelf();
    return err;
}
