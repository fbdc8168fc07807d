// Hosting service (C): EndClientWork() reverts exactly when the request's own
// "impersonating" flag says the handler impersonated: skipping the revert when the flag is
// false is right, and every caller that impersonated is reverted. CORRECT.
#include <windows.h>

struct Request {
    HANDLE pipe;
    BOOL impersonating;
};

static void EndClientWork(struct Request *req)
{
    if (!req->impersonating)
        return;
    RevertToSelf();
    req->impersonating = FALSE;
}

DWORD ServeStatus(struct Request *req, DWORD *status)
{
    req->impersonating = FALSE;
    if (!ImpersonateNamedPipeClient(req->pipe))
        return GetLastError();
    req->impersonating = TRUE;
    *status = 1;
    EndClientWork(req);
    return ERROR_SUCCESS;
}
