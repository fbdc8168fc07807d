// Pay-stub server (FIXED): a named-pipe service that returns an employee's pay stub.
//
// Each client connects to \\.\pipe\paystub and sends one STUB_REQUEST naming an employee
// and a pay period. The server impersonates the client, so the stub file's ACL decides
// whether the caller may read it, opens stubs\<employee>\<period>.stub, and writes the
// file back. After each connection the service appends a record to its audit log, which
// only the service itself may write.
//
// Fixed from paystub-pipe-server-buggy.c: the bad-request path now reverts before it
// returns, so no path out of HandleRequest leaves the serving thread on the client's
// token: the audit record of a rejected request is written by the service, and the
// thread waits for the next client as the service.
#include <windows.h>

#define PIPE_NAME L"\\\\.\\pipe\\paystub"
#define STUB_DIR L"stubs\\"
#define AUDIT_LOG L"C:\\ProgramData\\PayStub\\audit.log"
#define REQUEST_MAGIC 0x42555453u /* "STUB" */
#define MAX_NAME 16
#define MAX_STUB (64 * 1024)

typedef struct {
    DWORD magic;
    WCHAR employee[MAX_NAME]; /* e.g. L"alice", NUL-terminated */
    WCHAR period[MAX_NAME];   /* e.g. L"2024-05", NUL-terminated */
} STUB_REQUEST;

typedef struct {
    DWORD status; /* ERROR_SUCCESS or a Win32 error code */
    DWORD length; /* bytes of stub data that follow */
} STUB_REPLY_HEADER;

static BYTE g_stub[MAX_STUB];

/* One path component: no separators, no "..", not empty. */
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

static BOOL WriteAll(HANDLE pipe, const void *data, DWORD size)
{
    DWORD written = 0;
    return WriteFile(pipe, data, size, &written, NULL) && written == size;
}

static void SendReply(HANDLE pipe, DWORD status, const BYTE *data, DWORD length)
{
    STUB_REPLY_HEADER header;
    header.status = status;
    header.length = status == ERROR_SUCCESS ? length : 0;
    if (WriteAll(pipe, &header, sizeof(header)) && header.length != 0)
        WriteAll(pipe, data, header.length);
}

/* Serves one request on a connected pipe. Returns the status sent to the client. */
static DWORD HandleRequest(HANDLE pipe)
{
    STUB_REQUEST req;
    WCHAR path[MAX_PATH];
    HANDLE stub;
    DWORD read = 0, status;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) ||
        req.magic != REQUEST_MAGIC)
        return ERROR_BAD_FORMAT;

    if (!ImpersonateNamedPipeClient(pipe)) {
        status = GetLastError();
        SendReply(pipe, status, NULL, 0);
        return status;
    }

    req.employee[MAX_NAME - 1] = L'\0';
    req.period[MAX_NAME - 1] = L'\0';
    if (!IsValidComponent(req.employee) || !IsValidComponent(req.period)) {
        if (!RevertToSelf())
            ExitProcess(ERROR_CANNOT_IMPERSONATE);
        SendReply(pipe, ERROR_INVALID_NAME, NULL, 0);
        return ERROR_INVALID_NAME;
    }

    lstrcpyW(path, STUB_DIR);
    lstrcatW(path, req.employee);
    lstrcatW(path, L"\\");
    lstrcatW(path, req.period);
    lstrcatW(path, L".stub");

    /* Opened as the client: the stub's ACL grants read to its employee only. */
    stub = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    status = stub == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;

    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    if (status != ERROR_SUCCESS) {
        SendReply(pipe, status, NULL, 0);
        return status;
    }
    if (!ReadFile(stub, g_stub, sizeof(g_stub), &read, NULL))
        status = GetLastError();
    CloseHandle(stub);
    SendReply(pipe, status, g_stub, read);
    return status;
}

/* Appends the status of one connection to the service's audit log (as the service). */
static void AuditRequest(DWORD status)
{
    DWORD written = 0;
    HANDLE log = CreateFileW(AUDIT_LOG, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS,
                             FILE_ATTRIBUTE_NORMAL, NULL);
    if (log == INVALID_HANDLE_VALUE) {
        OutputDebugStringW(L"paystub: cannot write the audit log\n");
        return;
    }
    WriteFile(log, &status, sizeof(status), &written, NULL);
    CloseHandle(log);
}

int main(void)
{
    for (;;) {
        DWORD status = ERROR_PIPE_NOT_CONNECTED;
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, MAX_STUB, sizeof(STUB_REQUEST),
                                       0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();

        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            status = HandleRequest(pipe);

        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
        AuditRequest(status);
    }
}
