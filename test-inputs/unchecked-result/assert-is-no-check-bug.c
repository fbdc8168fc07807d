// Backup agent (C): the result of ImpersonateNamedPipeClient is "checked" with assert(),
// which release builds compile away (and a debug build's failure handler is not an error
// path the service meant to take). The staging copy then runs as the service. BUGGY.
#include <windows.h>
#include <assert.h>

DWORD StageClientFiles(const WCHAR *folder); /* staging.c */

DWORD HandleBackup(HANDLE pipe, const WCHAR *folder)
{
    DWORD err;
    BOOL ok = ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    assert(ok);
    err = StageClientFiles(folder); // CHECK-NOTE: 'StageClientFiles' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    RevertToSelf();
    return err;
}
