// The "do { ... } while (0)" error-handling idiom: each failing step breaks out of the
// block, and the code after it reverts when the begin succeeded. No goto, no early
// return after the begin. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE token;
    WCHAR source[MAX_PATH];
    WCHAR target[MAX_PATH];
} LINK_REQUEST;

DWORD CreateLinkForClient(const LINK_REQUEST *req)
{
    DWORD err = ERROR_SUCCESS;
    BOOL impersonated = FALSE;

    do {
        if (req->source[0] == L'\0' || req->target[0] == L'\0') {
            err = ERROR_INVALID_PARAMETER;
            break;
        }
        if (!ImpersonateLoggedOnUser(req->token)) {
            err = GetLastError();
            break;
        }
        impersonated = TRUE;
        if (GetFileAttributesW(req->target) == INVALID_FILE_ATTRIBUTES) {
            err = GetLastError();
            break;
        }
        if (!CreateHardLinkW(req->source, req->target, NULL)) {
            err = GetLastError();
            break;
        }
    } while (0);

    if (impersonated)
        RevertToSelf();
    return err;
}
