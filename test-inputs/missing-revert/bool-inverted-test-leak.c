// The begin's result is tested the wrong way round: the author put the RevertToSelf in
// the branch taken when ImpersonateNamedPipeClient FAILED (as if it had to be undone)
// and the success path goes on to return with the client's token. BUGGY.
#include <windows.h>

extern DWORD SendDirectoryListing(HANDLE pipe, const WCHAR *dir);

DWORD ListDirectory(HANDLE pipe, const WCHAR *dir)
{
    DWORD err;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ListDirectory' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (ImpersonateNamedPipeClient(pipe) == FALSE) {
        err = GetLastError();
        RevertToSelf(); /* wrong branch: nothing to undo here */
        return err;
    }

    err = SendDirectoryListing(pipe, dir);
    return err; // CHECK-NOTE: returns here while still impersonating
}
