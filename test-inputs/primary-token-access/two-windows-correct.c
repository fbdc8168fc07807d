// Two impersonation windows in one handler: the source is opened as the client, the
// service reverts to update its own catalog (a fixed path), then impersonates again to
// create the destination the client named. Both client names are used only while the
// client is impersonated; the access between the windows names a fixed object. A check
// that took "after the first revert" as "not the client" for the rest of the function
// would report the second open. CORRECT.
#include <windows.h>

typedef struct {
    WCHAR source[MAX_PATH];
    WCHAR destination[MAX_PATH];
} COPY_REQUEST;

extern DWORD CopyStream(HANDLE from, HANDLE to);

DWORD HandleCopy(HANDLE pipe)
{
    COPY_REQUEST req;
    DWORD read = 0, err, written = 0;
    HANDLE from, to, catalog;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.source[MAX_PATH - 1] = req.destination[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    from = CreateFileW(req.source, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    err = from == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;

    catalog = CreateFileW(L"C:\\ProgramData\\CopySvc\\catalog.dat", FILE_APPEND_DATA,
                          FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (catalog != INVALID_HANDLE_VALUE) {
        WriteFile(catalog, &read, sizeof(read), &written, NULL);
        CloseHandle(catalog);
    }

    if (!ImpersonateNamedPipeClient(pipe)) {
        err = GetLastError();
        CloseHandle(from);
        return err;
    }
    to = CreateFileW(req.destination, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    err = to == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err == ERROR_SUCCESS) {
        err = CopyStream(from, to);
        CloseHandle(to);
    }
    CloseHandle(from);
    return err;
}
