// Named-pipe upload server, fail-closed: when ImpersonateNamedPipeClient fails, the
// failure branch appends a line to the service's own log (CreateFileW of a string
// literal: a fixed object of the service, opened with the service's token on purpose)
// and returns. The client's file is only created on the success path. A naive
// implementation that reports every access on the failure path would flag the log
// write. CORRECT (silent).
#include <windows.h>

typedef struct {
    WCHAR name[MAX_PATH];
    DWORD size;
    BYTE data[4096];
} UPLOAD_REQUEST;

DWORD HandleUpload(HANDLE pipe)
{
    UPLOAD_REQUEST req;
    DWORD read = 0, written = 0, err = ERROR_SUCCESS;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) ||
        req.size > sizeof(req.data))
        return ERROR_BAD_FORMAT;
    req.name[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe)) {
        static const char line[] = "upload: ImpersonateNamedPipeClient failed\r\n";
        HANDLE log;
        err = GetLastError();
        log = CreateFileW(L"C:\\ProgramData\\Contoso\\Upload\\service.log", FILE_APPEND_DATA,
                          FILE_SHARE_READ, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
        if (log != INVALID_HANDLE_VALUE) {
            WriteFile(log, line, sizeof(line) - 1, &written, NULL);
            CloseHandle(log);
        }
        return err;
    }

    file = CreateFileW(req.name, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    RevertToSelf();

    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!WriteFile(file, req.data, req.size, &written, NULL))
        err = GetLastError();
    CloseHandle(file);
    return err;
}
