// Archive service (C): as inverted-test-fail-open-bug.c, with the test the right way
// round: a failed begin goes to the exit, a successful one archives and reverts. CORRECT.
#include <windows.h>

DWORD ArchiveFolder(const WCHAR *folder); /* archive.c */

DWORD HandleArchive(HANDLE pipe, const WCHAR *folder)
{
    DWORD err = ERROR_SUCCESS;
    if (!ImpersonateNamedPipeClient(pipe)) {
        err = GetLastError();
        goto done;
    }
    err = ArchiveFolder(folder);
    RevertToSelf();
done:
    return err;
}
