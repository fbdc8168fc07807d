// Kernel-style C with a CHK() macro that jumps to a shared cleanup label. The begin's
// result goes through the same macro; the cleanup reverts when the flag is set. Every
// hidden goto lands on the revert. CORRECT.
#include <windows.h>

#define CHK(cond, code)                                                                    \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            status = (code);                                                               \
            goto cleanup;                                                                  \
        }                                                                                  \
    } while (0)

typedef struct {
    HANDLE token;
    WCHAR src[MAX_PATH];
    WCHAR dst[MAX_PATH];
} MOVE_REQUEST;

DWORD MoveAsClient(const MOVE_REQUEST *req)
{
    DWORD status = ERROR_SUCCESS;
    BOOL impersonated = FALSE;

    CHK(req != NULL && req->token != NULL, ERROR_INVALID_PARAMETER);
    impersonated = ImpersonateLoggedOnUser(req->token);
    CHK(impersonated, GetLastError());
    CHK(GetFileAttributesW(req->src) != INVALID_FILE_ATTRIBUTES, ERROR_FILE_NOT_FOUND);
    CHK(MoveFileExW(req->src, req->dst, MOVEFILE_WRITE_THROUGH), GetLastError());

cleanup:
    if (impersonated)
        RevertToSelf();
    return status;
}
