// Named-pipe request handler, fixed: every path out of the impersonated section
// reverts first, and the result of the revert is checked (a failed revert must not let
// the thread go on as the client). CORRECT.
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
    DWORD read = 0, err;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    if (!IsValidName(req.name)) {
        if (!RevertToSelf())
            ExitProcess(1);
        return ERROR_INVALID_NAME;
    }

    file = CreateFileW(req.name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    err = GetLastError();
    if (!RevertToSelf())
        ExitProcess(1);
    if (file == INVALID_HANDLE_VALUE)
        return err;
    CloseHandle(file);
    return ERROR_SUCCESS;
}
