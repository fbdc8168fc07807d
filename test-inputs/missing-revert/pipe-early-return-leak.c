// Named-pipe request handler: the request is validated after impersonating, and the
// bad-request path returns without RevertToSelf. The pool thread keeps the client's
// token and serves the next client under it. BUGGY.
#include <windows.h>

#define MAX_NAME 64

typedef struct {
    DWORD opcode;
    WCHAR name[MAX_NAME];
} REQUEST;

static BOOL IsValidName(const WCHAR *name)
{
    size_t i;
    for (i = 0; i < MAX_NAME && name[i]; i++)
        if (name[i] == L'\\' || name[i] == L'/' || name[i] == L':')
            return FALSE;
    return i > 0 && i < MAX_NAME;
}

DWORD HandleRequest(HANDLE pipe)
{
    REQUEST req;
    DWORD read = 0;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'HandleRequest' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    if (!IsValidName(req.name)) // CHECK-NOTE: assuming the condition is true
        return ERROR_INVALID_NAME; // CHECK-NOTE: returns here while still impersonating

    file = CreateFileW(req.name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    RevertToSelf();
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    CloseHandle(file);
    return ERROR_SUCCESS;
}
