// Hosting service (C): every handler ends its impersonation by calling EndClientWork(),
// which skips RevertToSelf when the service runs in the shared host, a configuration
// global that has nothing to do with whether the thread impersonates. In that mode every
// caller returns to the pool still impersonating its client. Reported in the helper, with
// the path. BUGGY.
#include <windows.h>

extern BOOL g_sharedHost; /* config.c: read from the registry at start-up */

static void EndClientWork(void) // CHECK-WARNING: 'EndClientWork' ends impersonation for its callers but returns without reverting on some paths; they stay impersonating there [impersonation-missing-revert]
{
    if (g_sharedHost) // CHECK-NOTE: assuming the condition is true
        return; // CHECK-NOTE: returns here without reverting
    RevertToSelf();
}

DWORD ServeStatus(HANDLE pipe, DWORD *status)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    *status = 1;
    EndClientWork();
    return ERROR_SUCCESS;
}
