// C service code with a _Noreturn Die() helper compiled in another file (it logs and
// calls ExitProcess). C has no exceptions: a path that calls a noreturn function simply
// ends there, so the corrupt-state path that dies while impersonating leaks nothing.
// CORRECT.
#include <windows.h>

_Noreturn void Die(const char *what, DWORD code); /* svc_fatal.c: logs, ExitProcess(code) */

typedef struct {
    DWORD magic;
    DWORD count;
    HANDLE token;
} JOURNAL;

#define JOURNAL_MAGIC 0x4C4E524Au

DWORD AppendAsOwner(JOURNAL *j, const WCHAR *path, const void *rec, DWORD len)
{
    HANDLE file;
    DWORD written = 0, err = ERROR_SUCCESS;

    if (!ImpersonateLoggedOnUser(j->token))
        return GetLastError();
    if (j->magic != JOURNAL_MAGIC)
        Die("journal header corrupted", ERROR_INVALID_DATA);

    file = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        err = GetLastError();
    } else {
        if (!WriteFile(file, rec, len, &written, NULL))
            err = GetLastError();
        CloseHandle(file);
    }
    if (!RevertToSelf())
        Die("RevertToSelf failed", GetLastError());
    if (err == ERROR_SUCCESS)
        j->count++;
    return err;
}
