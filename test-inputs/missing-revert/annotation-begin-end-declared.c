// Begin and end functions compiled in another translation unit, declared in their
// header with IMPERSONATION_BEGIN("SECURITY_STATUS") and IMPERSONATION_END: the engine
// treats calls to them as API begins/ends (named like an API in the message) with that
// success convention. The "!= SEC_E_OK" failure path is silent; the path that returns
// after a failed quota lookup is reported at the call. BUGGY.
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -I%S/../../checks/annotations
#include <windows.h>
#define SECURITY_WIN32
#include <sspi.h>
#include "impersonation_annotations.h"

/* auth_session.h (the implementation lives in auth_session.c) */
IMPERSONATION_BEGIN("SECURITY_STATUS") SECURITY_STATUS AuthSessionImpersonate(CtxtHandle *ctx);
IMPERSONATION_END SECURITY_STATUS AuthSessionRevert(CtxtHandle *ctx);

extern BOOL LookupQuota(const WCHAR *share, ULONGLONG *bytes);

DWORD QuotaForClient(CtxtHandle *ctx, const WCHAR *share, ULONGLONG *bytes)
{
    // CHECK-WARNING@+2: impersonation begun by 'AuthSessionImpersonate' is still in force when 'QuotaForClient' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (AuthSessionImpersonate(ctx) != SEC_E_OK)
        return ERROR_ACCESS_DENIED;

    if (!LookupQuota(share, bytes)) // CHECK-NOTE: assuming the condition is true
        return GetLastError(); // CHECK-NOTE: returns here while still impersonating

    AuthSessionRevert(ctx);
    return ERROR_SUCCESS;
}
