// SSPI (Negotiate) file server over a socket: after the handshake, each DELETE command
// impersonates the authenticated context. The SECURITY_STATUS of
// ImpersonateSecurityContext is discarded: when it fails (SEC_E_NO_IMPERSONATION: the
// client did not allow impersonation, or the context expired) the file is deleted with
// the server's own token. RevertSecurityContext at the end: nothing leaks. BUGGY.
#include <windows.h>
#define SECURITY_WIN32
#include <sspi.h>

typedef struct {
    CtxtHandle context;
    BOOL authenticated;
    ULONG contextAttributes;
} CONNECTION;

DWORD ServeDelete(CONNECTION *conn, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;

    if (!conn->authenticated)
        return ERROR_NOT_AUTHENTICATED;

    ImpersonateSecurityContext(&conn->context); // CHECK-WARNING: if 'ImpersonateSecurityContext' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (!DeleteFileW(path)) // CHECK-NOTE: 'DeleteFileW' runs here with the service's own token when 'ImpersonateSecurityContext' failed
        err = GetLastError();
    RevertSecurityContext(&conn->context);
    return err;
}
