// Serve(HANDLE pipe, LPCWSTR logDir): logDir is a parameter of an impersonating
// function, but a plain parameter is not client data (only RPC manager routines,
// RequestHandlers matches and IMPERSONATION_HANDLER functions have client parameters),
// and the caller in this file passes the service's configured directory. The request
// file is opened as the client; the log under logDir is written after the revert.
// Also a trap for a naive RPC test: HANDLE and handle_t are both void * underneath, but
// the first parameter here is a HANDLE, so Serve is no RPC manager routine. CORRECT.
#include <windows.h>
#include <strsafe.h>

typedef struct {
    DWORD op;
    WCHAR path[MAX_PATH];
} REQUEST;

static WCHAR g_logDir[MAX_PATH] = L"C:\\ProgramData\\FileSvc\\Logs";

DWORD Serve(HANDLE pipe, LPCWSTR logDir)
{
    REQUEST req;
    WCHAR logPath[MAX_PATH];
    DWORD read = 0, err = ERROR_SUCCESS, written = 0;
    HANDLE file, log;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        err = GetLastError();
    else
        CloseHandle(file);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    if (SUCCEEDED(StringCchPrintfW(logPath, MAX_PATH, L"%ls\\requests.log", logDir))) {
        log = CreateFileW(logPath, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
        if (log != INVALID_HANDLE_VALUE) {
            WriteFile(log, &err, sizeof(err), &written, NULL);
            CloseHandle(log);
        }
    }
    return err;
}

void RunPipeInstance(HANDLE pipe)
{
    if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
        Serve(pipe, g_logDir);
    DisconnectNamedPipe(pipe);
}
