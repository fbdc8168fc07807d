// The fix of pipe-open-after-revert-bug.c: the file named in the request is opened
// between ImpersonateNamedPipeClient and RevertToSelf, so the file's ACL is checked
// against the client. Reading the already-open handle after the revert is not an
// access (ReadFile names no object). CORRECT.
#include <windows.h>

typedef struct {
    DWORD opcode;
    WCHAR path[MAX_PATH];
} STUB_REQUEST;

DWORD HandleStubRequest(HANDLE pipe, BYTE *out, DWORD cb, DWORD *got)
{
    STUB_REQUEST req;
    DWORD read = 0, err = ERROR_SUCCESS;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        err = GetLastError();
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;

    if (!ReadFile(file, out, cb, got, NULL))
        err = GetLastError();
    CloseHandle(file);
    return err;
}
