// The code of option-begin-functions-reported.c WITHOUT the options (the default: empty
// BeginFunctions/EndFunctions). SvcImpersonateCaller and SvcRevertCaller are opaque
// functions of another library, so no check knows that OnSetQuota impersonates: the
// _beginthread call is silent, as is everything else. Silent by default.
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
    DWORD err = SvcImpersonateCaller(call);
    if (err != ERROR_SUCCESS)
        return err;
    err = ApplyQuotaChange(call);
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
