// Legacy code that hands impersonation back to its caller on purpose and, instead of
// the annotation, suppresses the finding with NOLINT on the begin's line (where the
// warning would be). A second begin in the same function is suppressed with
// NOLINTNEXTLINE. No diagnostics remain. CORRECT (suppressed).
#include <windows.h>

typedef struct {
    HANDLE pipe;
    HANDLE token;
    BOOL useToken;
} CLIENT;

/* Returns with the thread impersonating the client; AcquireClient's callers revert. */
DWORD AcquireClient(CLIENT *c, DWORD *attrs, const WCHAR *probe)
{
    if (c->useToken) {
        // NOLINTNEXTLINE(impersonation-missing-revert)
        if (!ImpersonateLoggedOnUser(c->token))
            return GetLastError();
    } else {
        if (!ImpersonateNamedPipeClient(c->pipe)) // NOLINT(impersonation-missing-revert)
            return GetLastError();
    }
    *attrs = GetFileAttributesW(probe);
    return ERROR_SUCCESS;
}
