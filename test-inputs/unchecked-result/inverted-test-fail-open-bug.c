// Archive service (C): the test of ImpersonateNamedPipeClient is inverted. A successful
// begin jumps to the exit (and leaks), a failed one archives the client's folder with the
// service's token and then reverts: the revert shows the code believes it is
// impersonating there. BUGGY.
#include <windows.h>

DWORD ArchiveFolder(const WCHAR *folder); /* archive.c */

DWORD HandleArchive(HANDLE pipe, const WCHAR *folder)
{
    DWORD err = ERROR_SUCCESS;
    // CHECK-WARNING@+4: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+3: assuming the condition is false
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'HandleArchive' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is true
    if (ImpersonateNamedPipeClient(pipe))
        goto done;
    err = ArchiveFolder(folder); // CHECK-NOTE: 'ArchiveFolder' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    RevertToSelf();
done:
    return err; // CHECK-NOTE: returns here while still impersonating
}
