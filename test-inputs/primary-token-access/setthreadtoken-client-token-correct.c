// A worker gets the client's impersonation token from the front end (which duplicated
// it at connection time) and puts it on its own thread with SetThreadToken(NULL, token);
// the client's upload directory is created and the file written as the client, and
// SetThreadToken(NULL, NULL) takes the token off. The directory name is derived from the
// request with PathCombineW. CORRECT.
#include <windows.h>
#include <shlwapi.h>

typedef struct {
    HANDLE clientToken; /* impersonation token of the client, from the front end */
    HANDLE pipe;
} WORK_ITEM;

typedef struct {
    WCHAR folder[64];
    WCHAR name[64];
} UPLOAD_REQUEST;

extern DWORD ReceiveInto(HANDLE pipe, HANDLE file);

DWORD ProcessUpload(WORK_ITEM *item)
{
    UPLOAD_REQUEST req;
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    DWORD read = 0, err = ERROR_SUCCESS;
    HANDLE file;

    if (!ReadFile(item->pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.folder[63] = req.name[63] = L'\0';
    if (!PathCombineW(dir, L"D:\\Uploads", req.folder) || !PathCombineW(path, dir, req.name))
        return ERROR_INVALID_NAME;

    if (!SetThreadToken(NULL, item->clientToken))
        return GetLastError();
    if (!CreateDirectoryW(dir, NULL) && GetLastError() != ERROR_ALREADY_EXISTS) {
        err = GetLastError();
    } else {
        file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        if (file == INVALID_HANDLE_VALUE) {
            err = GetLastError();
        } else {
            err = ReceiveInto(item->pipe, file);
            CloseHandle(file);
        }
    }
    if (!SetThreadToken(NULL, NULL))
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return err;
}
