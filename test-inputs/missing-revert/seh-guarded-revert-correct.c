// Crash-guarded calls (C): the service wraps its Win32 calls in __try/__except, the
// revert included, directly and through a helper. RevertToSelf reports failure by its
// result and does not raise, so the empty __except is never the way out of the revert:
// no leak. A call of the service's own code in the same __try may raise. CORRECT.
#include <windows.h>

void RecordAudit(DWORD code); /* audit.c */

static void GuardedRevert(void)
{
    __try {
        RevertToSelf();
    } __except (EXCEPTION_EXECUTE_HANDLER) {
    }
}

DWORD QueryQuota(HANDLE pipe, DWORD *quota)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    *quota = 4096;
    GuardedRevert();
    return ERROR_SUCCESS;
}

DWORD QueryUsage(HANDLE pipe, DWORD *usage)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    *usage = 17;
    __try {
        RevertToSelf();
        RecordAudit(*usage);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return ERROR_INVALID_DATA;
    }
    return ERROR_SUCCESS;
}
