// Backup agent (C): as assert-is-no-check-bug.c, but the assert documents a test that is
// also made: a failed begin ends the request. CORRECT.
#include <windows.h>
#include <assert.h>

DWORD StageClientFiles(const WCHAR *folder); /* staging.c */

DWORD HandleBackup(HANDLE pipe, const WCHAR *folder)
{
    DWORD err;
    BOOL ok = ImpersonateNamedPipeClient(pipe);
    assert(ok);
    if (!ok)
        return GetLastError();
    err = StageClientFiles(folder);
    RevertToSelf();
    return err;
}
