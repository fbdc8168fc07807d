// "Public files" service: instead of the client, the handler impersonates the anonymous
// token (ImpersonateAnonymousToken) to open the file the client names, on the theory
// that whatever ANONYMOUS LOGON may read is public. The thread impersonates, but not the
// client: the file's ACL is evaluated for Anonymous, so a deny for the caller, the
// caller's integrity level and the audit trail are all bypassed, and on hosts where
// Everyone includes Anonymous every Everyone-readable file is served. The spec counts an
// anonymous token as not acting as the client. Decision: no identity note, as under
// ImpersonateSelf. BUGGY.
#include <windows.h>

typedef struct {
    DWORD flags;
    WCHAR path[MAX_PATH];
} PUBLIC_REQUEST;

extern DWORD SendFileContents(HANDLE pipe, HANDLE file);

DWORD ServePublicFile(HANDLE pipe)
{
    PUBLIC_REQUEST req;
    DWORD read = 0, err;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateAnonymousToken(GetCurrentThread()))
        return GetLastError();
    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;
    err = SendFileContents(pipe, file);
    CloseHandle(file);
    return err;
}
