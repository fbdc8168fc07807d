// A begin function defined in this file that does more than a plain wrapper: after
// impersonating it queries the thread token to refuse Identify-level clients. The
// engine would not infer it as a begin-wrapper (it calls OpenThreadToken and
// GetTokenInformation as the client), so it is annotated IMPERSONATION_BEGIN("") (the
// convention comes from its BOOL return type). The function itself is not reported; its
// caller's leak is, at the call (named like an API, as annotated begins are). BUGGY
// (the caller).
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -I%S/../../checks/annotations
#include <windows.h>
#include "impersonation_annotations.h"

IMPERSONATION_BEGIN("") static BOOL ImpersonateAtLeast(HANDLE pipe, SECURITY_IMPERSONATION_LEVEL min)
{
    HANDLE token;
    SECURITY_IMPERSONATION_LEVEL level = SecurityAnonymous;
    DWORD len = 0;

    if (!ImpersonateNamedPipeClient(pipe))
        return FALSE;
    if (OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token)) {
        GetTokenInformation(token, TokenImpersonationLevel, &level, sizeof(level), &len);
        CloseHandle(token);
    }
    if (level < min) {
        RevertToSelf();
        SetLastError(ERROR_BAD_IMPERSONATION_LEVEL);
        return FALSE;
    }
    return TRUE;
}

DWORD ReplaceClientFile(HANDLE pipe, const WCHAR *target, const WCHAR *replacement)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateAtLeast' is still in force when 'ReplaceClientFile' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateAtLeast(pipe, SecurityImpersonation))
        return GetLastError();
    if (!ReplaceFileW(target, replacement, NULL, 0, NULL, NULL)) // CHECK-NOTE: assuming the condition is true
        return GetLastError(); // CHECK-NOTE: returns here while still impersonating
    RevertToSelf();
    return ERROR_SUCCESS;
}
