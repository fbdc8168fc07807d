// A service that fetches a file from a UNC path supplied in its configuration under the
// ANONYMOUS token, so that the machine account's credentials are never offered to the
// remote server. ImpersonateAnonymousToken is tested; a failure `__leave`s the `__try`
// before the open, and the `__finally` reverts when the flag says so. An anonymous
// begin counts for this check; here it is handled correctly. CORRECT (silent).
#include <windows.h>

DWORD FetchAnonymously(const WCHAR *uncPath, BYTE *buffer, DWORD cb, DWORD *got)
{
    DWORD err = ERROR_SUCCESS;
    BOOL impersonating = FALSE;
    HANDLE file = INVALID_HANDLE_VALUE;

    __try {
        if (!ImpersonateAnonymousToken(GetCurrentThread())) {
            err = GetLastError();
            __leave;
        }
        impersonating = TRUE;
        file = CreateFileW(uncPath, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        if (file == INVALID_HANDLE_VALUE) {
            err = GetLastError();
            __leave;
        }
        if (!ReadFile(file, buffer, cb, got, NULL))
            err = GetLastError();
    }
    __finally {
        if (file != INVALID_HANDLE_VALUE)
            CloseHandle(file);
        if (impersonating)
            RevertToSelf();
    }
    return err;
}
