// A begin-wrapper: TryImpersonate begins and hands ImpersonateNamedPipeClient's BOOL
// back to its caller (it only logs, with OutputDebugString). The wrapper is not
// reported; its callers are, at their call of it, when they do not test what it
// returns: CopyToClient ignores it (reported, named by the wrapper); DeleteClientFile
// tests it (silent). Both revert, so missing-revert is silent. BUGGY (one caller).
#include <windows.h>

static BOOL TryImpersonate(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe)) {
        DWORD err = GetLastError();
        OutputDebugStringW(L"svc: ImpersonateNamedPipeClient failed\n");
        SetLastError(err);
        return FALSE;
    }
    return TRUE;
}

DWORD CopyToClient(HANDLE pipe, const WCHAR *source, const WCHAR *target)
{
    DWORD err = ERROR_SUCCESS;

    TryImpersonate(pipe); // CHECK-WARNING: if 'TryImpersonate' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (!CopyFileW(source, target, TRUE)) // CHECK-NOTE: 'CopyFileW' runs here with the service's own token when 'TryImpersonate' failed
        err = GetLastError();
    RevertToSelf();
    return err;
}

DWORD DeleteClientFile(HANDLE pipe, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;

    if (!TryImpersonate(pipe))
        return GetLastError();
    if (!DeleteFileW(path))
        err = GetLastError();
    RevertToSelf();
    return err;
}
