// The code of flag-guarded-revert-correct.c under MaxStatesPerPoint: 1, set for this
// check only (impersonation-spawn-while-impersonating.MaxStatesPerPoint; the other checks
// keep the default 16, so missing-revert stays silent). With one state per point the
// engine drops the fact that `impersonating` is TRUE exactly on the impersonating path;
// the guarded revert can then be skipped while impersonating, and the QueueUserWorkItem
// after it is reported: the documented price of the bound (states are kept, facts are
// dropped), as in missing-revert/option-max-states-per-point.c. PRECISION LOSS (1 warning).
// RUN-OPTION: impersonation-spawn-while-impersonating.MaxStatesPerPoint: 1
#include <windows.h>

extern DWORD WINAPI PublishChange(LPVOID param); /* notifier.c */

DWORD RemoveEntry(HANDLE token, const WCHAR *path)
{
    BOOL impersonating = FALSE;
    DWORD err = ERROR_SUCCESS;

    if (token != NULL) {
        if (!ImpersonateLoggedOnUser(token)) // CHECK-NOTE: the thread impersonates the client from here
            return GetLastError();
        impersonating = TRUE;
    }
    if (!DeleteFileW(path))
        err = GetLastError();
    if (impersonating)
        RevertToSelf();
    QueueUserWorkItem(PublishChange, NULL, WT_EXECUTEDEFAULT); // CHECK-WARNING: 'QueueUserWorkItem' queues work that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the work item [impersonation-spawn-while-impersonating]
    return err;
}
