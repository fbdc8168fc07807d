// A dispatcher impersonates once, switches on the request's opcode and hands client
// fields to same-file helpers that open, delete or list them; the revert follows the
// switch. Every helper runs while the client is impersonated, so each access is the
// client's, whatever the path from the receive to the helper's parameter (rule (d)).
// CORRECT.
#include <windows.h>

enum { OP_STAT = 1, OP_DELETE = 2, OP_LIST = 3 };

typedef struct {
    DWORD op;
    WCHAR path[MAX_PATH];
} FILE_REQUEST;

static DWORD StatFile(const WCHAR *path, WIN32_FILE_ATTRIBUTE_DATA *info)
{
    return GetFileAttributesExW(path, GetFileExInfoStandard, info) ? ERROR_SUCCESS : GetLastError();
}

static DWORD RemoveFile(const WCHAR *path)
{
    return DeleteFileW(path) ? ERROR_SUCCESS : GetLastError();
}

static DWORD CountEntries(const WCHAR *pattern, DWORD *count)
{
    WIN32_FIND_DATAW fd;
    HANDLE find = FindFirstFileW(pattern, &fd);
    *count = 0;
    if (find == INVALID_HANDLE_VALUE)
        return GetLastError();
    do
        ++*count;
    while (FindNextFileW(find, &fd));
    FindClose(find);
    return ERROR_SUCCESS;
}

DWORD Dispatch(HANDLE pipe, WIN32_FILE_ATTRIBUTE_DATA *info, DWORD *count)
{
    FILE_REQUEST req;
    DWORD read = 0, err;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    switch (req.op) {
    case OP_STAT:
        err = StatFile(req.path, info);
        break;
    case OP_DELETE:
        err = RemoveFile(req.path);
        break;
    case OP_LIST:
        err = CountEntries(req.path, count);
        break;
    default:
        err = ERROR_INVALID_FUNCTION;
        break;
    }
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return err;
}
