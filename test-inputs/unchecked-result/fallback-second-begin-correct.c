// Two ways to become the same client: the handler first tries the pipe; if that fails
// and the session holds the user's logon token (from an earlier LogonUser), it tries
// ImpersonateLoggedOnUser. Only when neither worked does it give up -- before any
// access. The first begin's failure path reaches the access only through a second,
// successful begin, which ends the matter. A naive implementation would report the
// first begin. CORRECT (silent).
#include <windows.h>

typedef struct {
    HANDLE pipe;
    HANDLE logonToken; /* NULL when the user never logged on through us */
} SESSION;

DWORD ProbeForSession(SESSION *session, const WCHAR *path, DWORD *attributes)
{
    DWORD err = ERROR_SUCCESS;
    BOOL impersonated = ImpersonateNamedPipeClient(session->pipe);

    if (!impersonated && session->logonToken != NULL)
        impersonated = ImpersonateLoggedOnUser(session->logonToken);
    if (!impersonated)
        return ERROR_CANNOT_IMPERSONATE;

    *attributes = GetFileAttributesW(path);
    if (*attributes == INVALID_FILE_ATTRIBUTES)
        err = GetLastError();
    RevertToSelf();
    return err;
}
