// Optional impersonation with a flag: the handler impersonates only when the request came
// with a user token, remembers it in `impersonating`, reverts `if (impersonating)`, and
// then queues the change notification as the service. On every path the queueing runs
// after the revert (or without any begin): the engine keeps the flag's value per path.
// A flow-insensitive implementation would report the QueueUserWorkItem. Same code as
// option-max-states-per-point.c, under the default bound (16). CORRECT.
#include <windows.h>

extern DWORD WINAPI PublishChange(LPVOID param); /* notifier.c */

DWORD RemoveEntry(HANDLE token, const WCHAR *path)
{
    BOOL impersonating = FALSE;
    DWORD err = ERROR_SUCCESS;

    if (token != NULL) {
        if (!ImpersonateLoggedOnUser(token))
            return GetLastError();
        impersonating = TRUE;
    }
    if (!DeleteFileW(path))
        err = GetLastError();
    if (impersonating)
        RevertToSelf();
    QueueUserWorkItem(PublishChange, NULL, WT_EXECUTEDEFAULT);
    return err;
}
