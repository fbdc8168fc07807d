// A begin helper that reports through an out-parameter: BeginRequest() returns a Win32
// error code and sets *impersonating (FALSE first, TRUE only after a successful begin).
// The caller reverts "if (impersonating)" at its single exit. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE pipe;
    WCHAR target[MAX_PATH];
} REQUEST;

static DWORD BeginRequest(const REQUEST *req, BOOL *impersonating)
{
    *impersonating = FALSE;
    if (req->target[0] == L'\0')
        return ERROR_INVALID_PARAMETER;
    if (!ImpersonateNamedPipeClient(req->pipe))
        return GetLastError();
    *impersonating = TRUE;
    return ERROR_SUCCESS;
}

DWORD ServeDelete(const REQUEST *req)
{
    BOOL impersonating;
    DWORD err = BeginRequest(req, &impersonating);

    if (err == ERROR_SUCCESS && !DeleteFileW(req->target))
        err = GetLastError();

    if (impersonating)
        RevertToSelf();
    return err;
}
