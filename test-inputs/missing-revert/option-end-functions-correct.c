// The revert is done by a legacy library function, LegacyRestoreIdentity(), compiled
// elsewhere; EndFunctions names it, so the paths that call it are not leaks. CORRECT.
// RUN-OPTION: impersonation-missing-revert.EndFunctions: LegacyRestoreIdentity
#include <windows.h>

/* legacy_identity.h: restores the thread's primary token, aborts on failure */
void LegacyRestoreIdentity(void);

DWORD RenameForClient(HANDLE pipe, const WCHAR *from, const WCHAR *to)
{
    DWORD err = ERROR_SUCCESS;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    if (from == NULL || to == NULL) {
        LegacyRestoreIdentity();
        return ERROR_INVALID_PARAMETER;
    }
    if (!MoveFileExW(from, to, 0))
        err = GetLastError();
    LegacyRestoreIdentity();
    return err;
}
