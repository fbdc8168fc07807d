// A one-liner dispatcher: "return Impersonate(...) ? Work() : GetLastError();". The
// success arm runs the work as the client and returns its result -- nobody reverts.
// BUGGY.
#include <windows.h>

extern DWORD EnumerateClientShares(WCHAR *buffer, DWORD cch);

DWORD ListSharesForClient(HANDLE pipe, WCHAR *buffer, DWORD cch)
{
    if (buffer == NULL || cch == 0)
        return ERROR_INVALID_PARAMETER;
    // CHECK-WARNING@+3: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ListSharesForClient' returns [impersonation-missing-revert]
    // CHECK-NOTE@+2: assuming the condition is true
    // CHECK-NOTE@+1: returns here while still impersonating
    return ImpersonateNamedPipeClient(pipe) ? EnumerateClientShares(buffer, cch) : GetLastError();
}
