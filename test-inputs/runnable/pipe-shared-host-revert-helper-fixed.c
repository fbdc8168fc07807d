// Pay-stub pipe server that can run in a shared service host (FIXED).
//
// Each client connects to \\.\pipe\paystubhost and sends one HOST_REQUEST: a command and,
// for CMD_GET_STUB, the employee and pay period of a stub. The serving thread first
// records the request in the service's request log (as the service, which alone may write
// it), then the command's handler impersonates the client, does the work as the client
// (the stub's ACL decides what the client may read) and ends the impersonation by calling
// EndClientWork(), as every handler of the service does.
//
// The service runs alone or in the shared service host. config.c reads which one from the
// registry (HKLM\Software\PayStub\SharedHost) into g_sharedHost at start-up and again when
// the service control manager sends SERVICE_CONTROL_PARAMCHANGE.
//
// Fixed from pipe-shared-host-revert-helper-buggy.c: EndClientWork decides from the
// handler's own "impersonating" flag, not from the host mode: it reverts exactly when the
// handler impersonated, alone or in the shared host, so the serving thread is the service
// again after every request.
#include <windows.h>

#define PIPE_NAME L"\\\\.\\pipe\\paystubhost"
#define REQUEST_LOG L"C:\\ProgramData\\PayStub\\requests.log"
#define REQUEST_MAGIC 0x54534F48u /* "HOST" */
#define MAX_NAME 16
#define MAX_STUB 4096

enum { CMD_GET_STUB = 1, CMD_WHOAMI = 2 };

typedef struct {
    DWORD magic;
    DWORD command;
    WCHAR employee[MAX_NAME];
    WCHAR period[MAX_NAME];
} HOST_REQUEST;

typedef struct {
    DWORD status; /* ERROR_SUCCESS or a Win32 error code */
    DWORD length; /* bytes of data that follow */
} HOST_REPLY_HEADER;

extern BOOL g_sharedHost; /* config.c: TRUE when the service runs in the shared host */

static BYTE g_reply[MAX_STUB];

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
    HOST_REPLY_HEADER header;
    DWORD written = 0;
    header.status = status;
    header.length = status == ERROR_SUCCESS ? length : 0;
    if (WriteFile(pipe, &header, sizeof(header), &written, NULL) && header.length != 0)
        WriteFile(pipe, data, header.length, &written, NULL);
}

/* Appends the command and the host mode to the service's request log (as the service).
 * Returns ERROR_SUCCESS or the error. */
static DWORD LogRequest(DWORD command)
{
    DWORD record[2], written = 0, status = ERROR_SUCCESS;
    HANDLE log = CreateFileW(REQUEST_LOG, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS,
                             FILE_ATTRIBUTE_NORMAL, NULL);
    if (log == INVALID_HANDLE_VALUE)
        return GetLastError();
    record[0] = command;
    record[1] = g_sharedHost ? 1 : 0;
    if (!WriteFile(log, record, sizeof(record), &written, NULL))
        status = GetLastError();
    CloseHandle(log);
    return status;
}

/* Ends the client work of a handler: reverts when the handler impersonated. */
static void EndClientWork(BOOL *impersonating)
{
    if (!*impersonating)
        return;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    *impersonating = FALSE;
}

static DWORD ServeStub(HANDLE pipe, const HOST_REQUEST *req, DWORD *length)
{
    WCHAR path[MAX_PATH];
    HANDLE stub;
    DWORD status = ERROR_SUCCESS;
    BOOL impersonating = FALSE;

    if (!IsValidComponent(req->employee) || !IsValidComponent(req->period))
        return ERROR_INVALID_NAME;
    lstrcpyW(path, L"stubs\\");
    lstrcatW(path, req->employee);
    lstrcatW(path, L"\\");
    lstrcatW(path, req->period);
    lstrcatW(path, L".stub");

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    impersonating = TRUE;
    stub = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (stub == INVALID_HANDLE_VALUE) {
        status = GetLastError();
    } else {
        if (!ReadFile(stub, g_reply, sizeof(g_reply), length, NULL))
            status = GetLastError();
        CloseHandle(stub);
    }
    EndClientWork(&impersonating);
    return status;
}

/* Answers the name the service serves the client as. */
static DWORD ServeWhoAmI(HANDLE pipe, DWORD *length)
{
    WCHAR user[MAX_NAME];
    DWORD size = MAX_NAME;
    DWORD status = ERROR_SUCCESS;
    BOOL impersonating = FALSE;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    impersonating = TRUE;
    if (GetUserNameW(user, &size)) {
        *length = size * sizeof(WCHAR);
        memcpy(g_reply, user, *length);
    } else {
        status = GetLastError();
    }
    EndClientWork(&impersonating);
    return status;
}

static void ServeConnection(HANDLE pipe)
{
    HOST_REQUEST req;
    DWORD read = 0, length = 0, status;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) ||
        req.magic != REQUEST_MAGIC)
        return;
    req.employee[MAX_NAME - 1] = L'\0';
    req.period[MAX_NAME - 1] = L'\0';

    /* Every request is logged before it is served. */
    status = LogRequest(req.command);
    if (status == ERROR_SUCCESS) {
        if (req.command == CMD_GET_STUB)
            status = ServeStub(pipe, &req, &length);
        else if (req.command == CMD_WHOAMI)
            status = ServeWhoAmI(pipe, &length);
        else
            status = ERROR_INVALID_FUNCTION;
    }
    SendReply(pipe, status, g_reply, length);
}

int main(void)
{
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, MAX_STUB, MAX_STUB, 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            ServeConnection(pipe);
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
