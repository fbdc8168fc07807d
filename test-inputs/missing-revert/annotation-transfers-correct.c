// A function that deliberately hands impersonation to its caller: it impersonates, then
// does real work (opens the client's home directory) before returning, so it is not a
// plain begin-wrapper; IMPERSONATION_TRANSFERS says the leak is intended. Its caller
// reverts on every path. CORRECT.
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -I%S/../../checks/annotations
#include <windows.h>
#include "impersonation_annotations.h"

/* Leaves the thread impersonating the client on success; the caller must revert. */
IMPERSONATION_TRANSFERS DWORD EnterClientHome(HANDLE token, const WCHAR *home, HANDLE *dir)
{
    if (!ImpersonateLoggedOnUser(token))
        return GetLastError();
    *dir = CreateFileW(home, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (*dir == INVALID_HANDLE_VALUE) {
        DWORD err = GetLastError();
        RevertToSelf();
        return err;
    }
    return ERROR_SUCCESS;
}

DWORD ListClientHome(HANDLE token, const WCHAR *home, BYTE *buffer, DWORD cb, DWORD *got)
{
    HANDLE dir;
    DWORD err = EnterClientHome(token, home, &dir);
    if (err != ERROR_SUCCESS)
        return err;
    if (!ReadDirectoryChangesW(dir, buffer, cb, FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, got, NULL,
                               NULL))
        err = GetLastError();
    CloseHandle(dir);
    RevertToSelf();
    return err;
}
