// Run-as-self: a helper called while the thread impersonates a client needs the
// service's own identity for a moment (to append to the service's audit log). It saves
// the thread token, reverts, does its work, and puts the saved token back on every path.
// The entry state (impersonating, as the caller left it) is restored: no leak. CORRECT.
#include <windows.h>

static const WCHAR kAuditLog[] = L"C:\\ProgramData\\PayService\\audit.log";

DWORD AuditAsService(const char *line, DWORD len)
{
    HANDLE saved = NULL;
    HANDLE log;
    DWORD written = 0, err = ERROR_SUCCESS;

    if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &saved))
        return GetLastError(); /* not impersonating: nothing to save, nothing done */

    if (!RevertToSelf()) {
        err = GetLastError();
        CloseHandle(saved);
        return err;
    }

    log = CreateFileW(kAuditLog, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (log == INVALID_HANDLE_VALUE) {
        err = GetLastError();
    } else {
        if (!WriteFile(log, line, len, &written, NULL))
            err = GetLastError();
        CloseHandle(log);
    }

    if (!SetThreadToken(NULL, saved))
        ExitProcess(ERROR_CANNOT_IMPERSONATE); /* cannot go back to the client safely */
    CloseHandle(saved);
    return err;
}
