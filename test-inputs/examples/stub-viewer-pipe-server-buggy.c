// Stub viewer (BUGGY): a named-pipe service that shows an employee's pay stub.
//
// A client connects to \\.\pipe\stubviewer and sends one VIEW_REQUEST naming an employee
// and a pay period; the server opens stubs\<employee>\<period>.stub as the client, so the
// stub's ACL decides, and sends the file back.
//
// The bug: the server impersonates the client as soon as the pipe connects, before it has
// read anything, and ignores the result. A named-pipe server cannot impersonate a client
// it has not read from yet: ImpersonateNamedPipeClient fails (ERROR_CANNOT_IMPERSONATE)
// and the thread keeps the service's own token. Everything after it — opening the stub
// the client named — runs as the service, so any client reads anyone's pay stub. The
// fixed version is stub-viewer-pipe-server-fixed.c.
#include <windows.h>

#define PIPE_NAME L"\\\\.\\pipe\\stubviewer"
#define STUB_DIR L"stubs\\"
#define VIEW_MAGIC 0x57454956u /* "VIEW" */
#define MAX_NAME 16
#define MAX_STUB (64 * 1024)

typedef struct {
    DWORD magic;
    WCHAR employee[MAX_NAME];
    WCHAR period[MAX_NAME];
} VIEW_REQUEST;

typedef struct {
    DWORD status;
    DWORD length;
} VIEW_REPLY_HEADER;

static BYTE g_stub[MAX_STUB];

static BOOL IsValidComponent(const WCHAR *name)
{
    size_t i;
    for (i = 0; i < MAX_NAME && name[i] != L'\0'; i++) {
        WCHAR c = name[i];
        if (c == L'\\' || c == L'/' || c == L':' || (c == L'.' && name[i + 1] == L'.'))
            return FALSE;
    }
    return i > 0 && i < MAX_NAME;
}

static void SendReply(HANDLE pipe, DWORD status, const BYTE *data, DWORD length)
{
    VIEW_REPLY_HEADER header;
    DWORD written = 0;
    header.status = status;
    header.length = status == ERROR_SUCCESS ? length : 0;
    if (WriteFile(pipe, &header, sizeof(header), &written, NULL) && header.length != 0)
        WriteFile(pipe, data, header.length, &written, NULL);
}

static DWORD ServeClient(HANDLE pipe)
{
    VIEW_REQUEST req;
    WCHAR path[MAX_PATH];
    HANDLE stub;
    DWORD read = 0, length = 0, status = ERROR_SUCCESS;

    /* Act as the client for the whole conversation. BUG: too early, and unchecked. */
    ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) || // CHECK-NOTE: assuming the condition is false
        req.magic != VIEW_MAGIC) {
        status = ERROR_BAD_FORMAT;
        goto done;
    }
    req.employee[MAX_NAME - 1] = L'\0';
    req.period[MAX_NAME - 1] = L'\0';
    if (!IsValidComponent(req.employee) || !IsValidComponent(req.period)) { // CHECK-NOTE: assuming the condition is false
        status = ERROR_INVALID_NAME;
        goto done;
    }

    lstrcpyW(path, STUB_DIR);
    lstrcatW(path, req.employee);
    lstrcatW(path, L"\\");
    lstrcatW(path, req.period);
    lstrcatW(path, L".stub");
    stub = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (stub == INVALID_HANDLE_VALUE) {
        status = GetLastError();
        goto done;
    }
    if (!ReadFile(stub, g_stub, sizeof(g_stub), &length, NULL))
        status = GetLastError();
    CloseHandle(stub);

done:
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    SendReply(pipe, status, g_stub, length);
    return status;
}

int main(void)
{
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, MAX_STUB, sizeof(VIEW_REQUEST),
                                       0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            ServeClient(pipe);
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
