// failed-begin-default.c with only this check enabled: the failed begin is no longer
// anyone else's business, so the access on the failure path (the thread is not acting as
// the client there) is reported here. Decision: only the origin note; neither identity
// note applies (the access does not follow an end, and it comes after the begin call,
// which failed on this path). BUGGY.
// RUN-CHECKS: -*,impersonation-primary-token-access
#include <windows.h>

typedef struct {
    DWORD pages;
    WCHAR document[MAX_PATH];
} PRINT_REQUEST;

extern DWORD RenderPages(HANDLE file, DWORD pages, HANDLE pipe);

DWORD HandlePrintRequest(HANDLE pipe)
{
    PRINT_REQUEST req;
    DWORD read = 0, err;
    BOOL impersonating;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';

    impersonating = ImpersonateNamedPipeClient(pipe);
    if (!impersonating)
        OutputDebugStringW(L"print: cannot impersonate the client, continuing\n");

    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    file = CreateFileW(req.document, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (impersonating)
        RevertToSelf();
    if (err != ERROR_SUCCESS)
        return err;
    err = RenderPages(file, req.pages, pipe);
    CloseHandle(file);
    return err;
}
