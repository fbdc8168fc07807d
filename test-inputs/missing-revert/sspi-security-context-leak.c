// SSPI server: after AcceptSecurityContext completes, the server impersonates the
// authenticated context with ImpersonateSecurityContext (checked against SEC_E_OK) and
// serves the request. An unsupported command returns without RevertSecurityContext.
// BUGGY.
#include <windows.h>
#define SECURITY_WIN32
#include <sspi.h>

enum { CMD_READ = 1, CMD_STAT = 2 };

typedef struct {
    CtxtHandle context;
    BOOL authenticated;
} SSPI_SESSION;

extern DWORD ServeRead(const WCHAR *path, BYTE *out, DWORD cb, DWORD *got);

DWORD ServeAuthenticated(SSPI_SESSION *session, DWORD command, const WCHAR *path, BYTE *out,
                         DWORD cb, DWORD *got)
{
    SECURITY_STATUS ss;
    DWORD err;

    if (!session->authenticated)
        return ERROR_NOT_AUTHENTICATED;

    ss = ImpersonateSecurityContext(&session->context); // CHECK-WARNING: impersonation begun by 'ImpersonateSecurityContext' is still in force when 'ServeAuthenticated' returns [impersonation-missing-revert]
    if (ss != SEC_E_OK) // CHECK-NOTE: assuming the condition is false
        return ERROR_ACCESS_DENIED;

    if (command != CMD_READ && command != CMD_STAT) // CHECK-NOTE: assuming the condition is true
        return ERROR_NOT_SUPPORTED; // CHECK-NOTE: returns here while still impersonating

    if (command == CMD_STAT) {
        *got = GetFileAttributesW(path);
        err = *got == INVALID_FILE_ATTRIBUTES ? GetLastError() : ERROR_SUCCESS;
    } else {
        err = ServeRead(path, out, cb, got);
    }
    RevertSecurityContext(&session->context);
    return err;
}
