// Print handler that "degrades gracefully": if ImpersonateNamedPipeClient fails it logs
// and carries on, so on that path the document named by the client is opened with the
// service's token (fail-open). By default the failed begin belongs to
// impersonation-unchecked-result (one root cause, one warning): its warning is at the
// begin, with the witness and the access as notes, and primary-token-access is silent.
// The same code with only this check enabled: failed-begin-only-this-check.c. BUGGY
// (reported by unchecked-result).
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

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';

    impersonating = ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (!impersonating) // CHECK-NOTE: assuming the condition is true
        OutputDebugStringW(L"print: cannot impersonate the client, continuing\n");

    // CHECK-NOTE@+1: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
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
