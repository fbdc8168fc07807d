// The optional client token doubles as the guard: the code impersonates when a token
// was duplicated from the caller and reverts "if (hToken)". A failed begin closes the
// token and clears the handle, so the guard stays exact. CORRECT.
#include <windows.h>

extern HANDLE DuplicateCallerToken(DWORD sessionId); /* NULL when the caller is local */

DWORD WriteSessionLog(DWORD sessionId, const WCHAR *logPath, const char *text, DWORD len)
{
    HANDLE hToken = DuplicateCallerToken(sessionId);
    HANDLE file;
    DWORD written = 0, err = ERROR_SUCCESS;

    if (hToken && !ImpersonateLoggedOnUser(hToken)) {
        err = GetLastError();
        CloseHandle(hToken);
        return err;
    }

    file = CreateFileW(logPath, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        err = GetLastError();
    } else {
        if (!WriteFile(file, text, len, &written, NULL))
            err = GetLastError();
        CloseHandle(file);
    }

    if (hToken) {
        RevertToSelf();
        CloseHandle(hToken);
    }
    return err;
}
