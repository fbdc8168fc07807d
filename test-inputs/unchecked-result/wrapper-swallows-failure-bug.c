// Print service (C): EnterClientContext() impersonates the pipe client and, on failure,
// only traces; it returns nothing, so none of its callers (here and in the other handler
// files) can know that the thread is still the service's. Reported in the wrapper, at its
// begin; the callers are not reported again. BUGGY.
#include <windows.h>

DWORD SpoolUserDocument(const WCHAR *path); /* spool.c */

static void EnterClientContext(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
        OutputDebugStringW(L"print: cannot impersonate the caller\n"); // CHECK-NOTE@-1: assuming the condition is true
} // CHECK-NOTE: 'EnterClientContext' returns here without telling its callers that 'ImpersonateNamedPipeClient' failed

DWORD HandlePrint(HANDLE pipe, const WCHAR *path)
{
    DWORD err;
    EnterClientContext(pipe);
    err = SpoolUserDocument(path);
    RevertToSelf();
    return err;
}
