// In-house RPC framework: SvcImpersonateCaller() begins impersonating the caller (Win32
// error code, 0 = success) and SvcRevertCaller() ends it; both live in a library built
// separately, so the team names them in the shared engine options, set globally so that
// every impersonation-* check sees them. OnSetQuota starts a _beginthread worker while
// impersonating: reported, with the note at the user begin. OnGetQuota starts the same
// worker after SvcRevertCaller: silent. Same code as option-begin-functions-default.c.
// BUGGY under these options.
// RUN-OPTION: BeginFunctions: SvcImpersonateCaller:WIN32_ERROR
// RUN-OPTION: EndFunctions: SvcRevertCaller
#include <windows.h>
#include <process.h>

typedef struct SVC_CALL SVC_CALL;
DWORD SvcImpersonateCaller(SVC_CALL *call); /* svcrpc.lib */
void SvcRevertCaller(SVC_CALL *call);

extern void __cdecl RefreshQuotaCache(void *param); /* quota.c */
extern DWORD ApplyQuotaChange(SVC_CALL *call);      /* as the caller */
extern DWORD ReadQuota(SVC_CALL *call);             /* as the caller */

DWORD OnSetQuota(SVC_CALL *call)
{
    DWORD err = SvcImpersonateCaller(call); // CHECK-NOTE: the thread impersonates the client from here
    if (err != ERROR_SUCCESS)
        return err;
    err = ApplyQuotaChange(call);
    // CHECK-WARNING@+1: '_beginthread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    if (err == ERROR_SUCCESS && _beginthread(RefreshQuotaCache, 0, NULL) == (uintptr_t)-1)
        err = ERROR_NOT_ENOUGH_MEMORY;
    SvcRevertCaller(call);
    return err;
}

DWORD OnGetQuota(SVC_CALL *call)
{
    DWORD err = SvcImpersonateCaller(call);
    if (err != ERROR_SUCCESS)
        return err;
    err = ReadQuota(call);
    SvcRevertCaller(call);
    if (err == ERROR_SUCCESS && _beginthread(RefreshQuotaCache, 0, NULL) == (uintptr_t)-1)
        err = ERROR_NOT_ENOUGH_MEMORY;
    return err;
}
