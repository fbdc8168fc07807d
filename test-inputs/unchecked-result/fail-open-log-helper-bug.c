// Named-pipe file server, fail-open: when ImpersonateNamedPipeClient fails, the failure
// branch writes a line to the service's own log (a same-file helper whose only access
// is CreateFileW of a global, fixed path) and then FALLS THROUGH into the main work,
// which opens the client's file with the service's token. The log write on the
// failure branch is exempt (a fixed object of the service, as in a fail-closed
// branch); the note is at the first access to a non-fixed object, the client's file.
// Spec point decided here: a same-file helper counts as "fixed" when every object it
// names is fixed. BUGGY.
#include <windows.h>

typedef struct {
    DWORD opcode;
    WCHAR name[MAX_PATH];
} READ_REQUEST;

static const WCHAR g_logPath[] = L"C:\\ProgramData\\Contoso\\FileSvc\\service.log";

static void SvcLog(const char *text)
{
    DWORD written = 0;
    HANDLE log = CreateFileW(g_logPath, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS,
                             FILE_ATTRIBUTE_NORMAL, NULL);
    if (log == INVALID_HANDLE_VALUE)
        return;
    WriteFile(log, text, (DWORD)lstrlenA(text), &written, NULL);
    CloseHandle(log);
}

DWORD HandleRead(HANDLE pipe, BYTE *out, DWORD cb, DWORD *got)
{
    READ_REQUEST req;
    DWORD read = 0, err = ERROR_SUCCESS;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.name[MAX_PATH - 1] = L'\0';

    // CHECK-WARNING@+2: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: assuming the condition is true
    if (!ImpersonateNamedPipeClient(pipe))
        SvcLog("HandleRead: ImpersonateNamedPipeClient failed\r\n"); /* BUG: no return */

    file = CreateFileW(req.name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    RevertToSelf();

    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ReadFile(file, out, cb, got, NULL))
        err = GetLastError();
    CloseHandle(file);
    return err;
}
