// Interprocedural, silent: the same-file helper OpenForExport is called with the
// client's path while impersonating (the open is made as the client), and a second time
// after the revert with the service's own manifest name (a literal). The helper's
// parameter carries client data only from the first call, and that call runs as the
// client; the second call passes a fixed name. Expected silent: the taint of a
// parameter follows the calling context, like the rest of the summaries (decision: a
// per-function taint of 'path' would report the second call, a false positive a careful
// reviewer would not accept). CORRECT.
#include <windows.h>

typedef struct {
    DWORD format;
    WCHAR path[MAX_PATH];
} EXPORT_REQUEST;

extern DWORD WriteExport(HANDLE file, DWORD format);

static HANDLE OpenForExport(const WCHAR *path)
{
    return CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
}

DWORD HandleExport(HANDLE pipe)
{
    EXPORT_REQUEST req;
    DWORD read = 0, err;
    HANDLE file, manifest;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    file = OpenForExport(req.path);
    err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;

    err = WriteExport(file, req.format);
    CloseHandle(file);

    manifest = OpenForExport(L"C:\\ProgramData\\ExportSvc\\last-export.manifest");
    if (manifest != INVALID_HANDLE_VALUE)
        CloseHandle(manifest);
    return err;
}
