// Pay-stub batch server over a named pipe (BUGGY).
//
// A client connects to \\.\pipe\stubbatch and sends one BATCH_REQUEST naming an employee
// and up to four pay periods. The server takes the client's token once (impersonate,
// OpenThreadToken, revert) and then, for each period, impersonates that token with
// ImpersonateLoggedOnUser, opens stubs\<employee>\<period>.stub as the client, reverts,
// and appends the stub to the reply as the service.
//
// The bug: neither the token capture nor the per-stub impersonation is checked. A client
// that connects at Anonymous level (SECURITY_SQOS_PRESENT | SECURITY_ANONYMOUS) can be
// impersonated, but its token cannot be opened (ERROR_CANT_OPEN_ANONYMOUS); the token
// stays NULL, ImpersonateLoggedOnUser(NULL) fails, and every stub is opened with the
// service's own token. Connecting anonymously gets anyone's pay stubs. The fixed version
// is pipe-batch-anonymous-client-fixed.c.
#include <windows.h>

#define PIPE_NAME L"\\\\.\\pipe\\stubbatch"
#define BATCH_MAGIC 0x48435442u /* "BTCH" */
#define MAX_NAME 16
#define MAX_PERIODS 4
#define MAX_STUB 4096

typedef struct {
    DWORD magic;
    DWORD count;
    WCHAR employee[MAX_NAME];
    WCHAR periods[MAX_PERIODS][MAX_NAME];
} BATCH_REQUEST;

typedef struct {
    DWORD status[MAX_PERIODS];
    DWORD length[MAX_PERIODS];
    BYTE data[MAX_PERIODS][MAX_STUB];
} BATCH_REPLY;

static BATCH_REPLY g_reply;

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

/* The client's token, to impersonate again for each file. */
static HANDLE CaptureClientToken(HANDLE pipe)
{
    HANDLE token = NULL;
    if (!ImpersonateNamedPipeClient(pipe))
        return NULL;
    OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE | TOKEN_QUERY, TRUE, &token);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return token;
}

static DWORD ReadStub(const WCHAR *employee, const WCHAR *period, BYTE *data, DWORD *length)
{
    WCHAR path[MAX_PATH];
    DWORD status = ERROR_SUCCESS;
    HANDLE stub;

    lstrcpyW(path, L"stubs\\");
    lstrcatW(path, employee);
    lstrcatW(path, L"\\");
    lstrcatW(path, period);
    lstrcatW(path, L".stub");
    stub = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (stub == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ReadFile(stub, data, MAX_STUB, length, NULL))
        status = GetLastError();
    CloseHandle(stub);
    return status;
}

static void ServeBatch(HANDLE pipe)
{
    BATCH_REQUEST req;
    HANDLE token;
    DWORD read = 0, written = 0, i;

    ZeroMemory(&g_reply, sizeof(g_reply));
    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) ||
        req.magic != BATCH_MAGIC || req.count > MAX_PERIODS)
        return;
    req.employee[MAX_NAME - 1] = L'\0';
    token = CaptureClientToken(pipe);

    for (i = 0; i < req.count; i++) {
        req.periods[i][MAX_NAME - 1] = L'\0';
        if (!IsValidComponent(req.employee) || !IsValidComponent(req.periods[i])) {
            g_reply.status[i] = ERROR_INVALID_NAME;
            continue;
        }
        ImpersonateLoggedOnUser(token); /* BUG: unchecked */ // CHECK-WARNING: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
        g_reply.status[i] = ReadStub(req.employee, req.periods[i], g_reply.data[i], // CHECK-NOTE: 'ReadStub' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
                                     &g_reply.length[i]);
        if (!RevertToSelf())
            ExitProcess(ERROR_CANNOT_IMPERSONATE);
    }
    if (token != NULL)
        CloseHandle(token);
    WriteFile(pipe, &g_reply, sizeof(g_reply), &written, NULL);
}

int main(void)
{
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, sizeof(BATCH_REPLY),
                                       sizeof(BATCH_REQUEST), 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            ServeBatch(pipe);
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
