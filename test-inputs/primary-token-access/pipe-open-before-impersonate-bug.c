// Named-pipe document server that opens the requested document first, as the service,
// and only then impersonates the client to run its own "may this caller read it" check
// on the open handle. The open already happened with the service's token: the client can
// name any file the service can read (and the open itself can have effects, e.g. on a
// device or a pipe), and the home-grown check is no substitute for the file's ACL. BUGGY.
#include <windows.h>

typedef struct {
    DWORD magic;
    WCHAR document[MAX_PATH];
} DOC_REQUEST;

extern BOOL CallerMayRead(HANDLE file);
extern DWORD SendDocument(HANDLE pipe, HANDLE file);

DWORD ServeDocument(HANDLE pipe)
{
    DOC_REQUEST req;
    DWORD read = 0, err;
    BOOL allowed;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';

    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    file = CreateFileW(req.document, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();

    if (!ImpersonateNamedPipeClient(pipe)) { // CHECK-NOTE: the client is impersonated only after this, here
        err = GetLastError();
        CloseHandle(file);
        return err;
    }
    allowed = CallerMayRead(file);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    err = allowed ? SendDocument(pipe, file) : ERROR_ACCESS_DENIED;
    CloseHandle(file);
    return err;
}
