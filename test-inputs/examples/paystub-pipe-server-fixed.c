// Pay-stub server (FIXED): a named-pipe service that returns an employee's pay stub.
//
// Each client connects to \\.\pipe\paystub and sends one STUB_REQUEST naming a pay
// period. The server impersonates the client, so the stub file's ACL decides whether
// the caller may read it, opens stubs\<period>.stub, and writes the file back.
//
// Fixed from paystub-pipe-server-buggy.c: the bad-request path now reverts before it
// returns, and the reply is always sent as the service (after the revert), so no path
// out of HandleRequest leaves the serving thread on the client's token.
#include <windows.h>

#define PIPE_NAME L"\\\\.\\pipe\\paystub"
#define STUB_DIR L"stubs\\"
#define REQUEST_MAGIC 0x42555453u /* "STUB" */
#define MAX_PERIOD 16
#define MAX_STUB (64 * 1024)

typedef struct {
    DWORD magic;
    DWORD employeeId;
    WCHAR period[MAX_PERIOD]; /* e.g. L"2024-05", NUL-terminated */
} STUB_REQUEST;

typedef struct {
    DWORD status; /* ERROR_SUCCESS or a Win32 error code */
    DWORD length; /* bytes of stub data that follow */
} STUB_REPLY_HEADER;

static BYTE g_stub[MAX_STUB];

static BOOL IsValidPeriod(const WCHAR *period)
{
    size_t i;
    for (i = 0; i < MAX_PERIOD && period[i] != L'\0'; i++) {
        WCHAR c = period[i];
        if (c == L'\\' || c == L'/' || c == L':' || (c == L'.' && period[i + 1] == L'.'))
            return FALSE;
    }
    return i > 0 && i < MAX_PERIOD;
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

    req.period[MAX_PERIOD - 1] = L'\0';
    if (!IsValidPeriod(req.period)) {
        if (!RevertToSelf())
            ExitProcess(ERROR_CANNOT_IMPERSONATE);
        SendReply(pipe, ERROR_INVALID_NAME, NULL, 0);
        return ERROR_INVALID_NAME;
    }

    lstrcpyW(path, STUB_DIR);
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

int main(void)
{
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, MAX_STUB, sizeof(STUB_REQUEST),
                                       0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();

        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            HandleRequest(pipe);

        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
