// Interprocedural (d): the handler reads the request, impersonates to check the
// caller's export right, reverts, and then calls a same-file helper with req.path. The
// helper opens its parameter; the warning is in the helper, at its CreateFileW, with a
// note at the parameter, at the caller's call that passes the client's data, and at the
// caller's revert. (Decision: the notes of (d) are the parameter and the call, as the
// spec lists them; the ReadFile in the caller gets no note of its own.) BUGGY.
#include <windows.h>

typedef struct {
    DWORD format;
    WCHAR path[MAX_PATH];
} EXPORT_REQUEST;

extern BOOL CallerMayExport(DWORD format);
extern DWORD WriteExport(HANDLE file, DWORD format);

static HANDLE OpenForExport(const WCHAR *path) // CHECK-NOTE: 'path' holds data from the client
{
    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    return CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
}

DWORD HandleExport(HANDLE pipe)
{
    EXPORT_REQUEST req;
    DWORD read = 0, err;
    BOOL allowed;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    allowed = CallerMayExport(req.format);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!allowed)
        return ERROR_ACCESS_DENIED;

    file = OpenForExport(req.path); // CHECK-NOTE: the client's data is passed in here
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    err = WriteExport(file, req.format);
    CloseHandle(file);
    return err;
}
