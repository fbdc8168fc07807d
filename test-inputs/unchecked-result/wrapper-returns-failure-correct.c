// Print service (C): as wrapper-swallows-failure-bug.c, but the wrapper returns whether
// the begin worked and the handler stops when it did not. CORRECT.
#include <windows.h>

DWORD SpoolUserDocument(const WCHAR *path); /* spool.c */

static BOOL EnterClientContext(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe)) {
        OutputDebugStringW(L"print: cannot impersonate the caller\n");
        return FALSE;
    }
    return TRUE;
}

DWORD HandlePrint(HANDLE pipe, const WCHAR *path)
{
    DWORD err;
    if (!EnterClientContext(pipe))
        return ERROR_CANNOT_IMPERSONATE;
    err = SpoolUserDocument(path);
    RevertToSelf();
    return err;
}
