// An in-house security library, compiled separately, declared in the service's header
// and described to every impersonation-* check through the GLOBAL engine options (one
// setting serves all checks): SvcAssumeCaller begins and reports a Win32 error code
// (WIN32_ERROR: ERROR_SUCCESS when the thread now impersonates the caller);
// SvcEnterDriverCaller begins and cannot fail (VOID); SvcDropCaller ends.
// Reported: the discarded SvcAssumeCaller. Silent: the tested SvcAssumeCaller, and the
// VOID begin (a begin whose convention cannot fail has no failure path). BUGGY
// (1 warning).
// RUN-OPTION: BeginFunctions: SvcAssumeCaller:WIN32_ERROR;SvcEnterDriverCaller:VOID
// RUN-OPTION: EndFunctions: SvcDropCaller
#include <windows.h>

/* svc_identity.h */
DWORD SvcAssumeCaller(void *call);
void SvcEnterDriverCaller(void *call);
void SvcDropCaller(void);

DWORD ArchiveForCaller(void *call, const WCHAR *source, const WCHAR *archive)
{
    DWORD err = ERROR_SUCCESS;
    SvcAssumeCaller(call); // CHECK-WARNING: if 'SvcAssumeCaller' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (!MoveFileW(source, archive)) // CHECK-NOTE: 'MoveFileW' runs here with the service's own token when 'SvcAssumeCaller' failed
        err = GetLastError();
    SvcDropCaller();
    return err;
}

DWORD PurgeForCaller(void *call, const WCHAR *path)
{
    DWORD err = SvcAssumeCaller(call);
    if (err != ERROR_SUCCESS)
        return err;
    if (!DeleteFileW(path))
        err = GetLastError();
    SvcDropCaller();
    return err;
}

DWORD TouchForDriver(void *call, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;
    SvcEnterDriverCaller(call);
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
        err = GetLastError();
    SvcDropCaller();
    return err;
}
