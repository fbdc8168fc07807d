// Stub renderer (FIXED): a named-pipe service that renders an employee's pay stub as
// printable text through a converter program, stubrender.exe.
//
// A client connects to \\.\pipe\stubrender and sends one RENDER_REQUEST naming an
// employee and a pay period. The server impersonates the client, turns the thread token
// into a primary token, reverts, and starts
//   stubrender.exe stubs\<employee>\<period>.stub render\job<N>.txt
// with that token, waits for it, and sends the rendered file back.
//
// Fixed from stub-render-pipe-server-buggy.c: the converter is started with
// CreateProcessAsUserW and a primary token duplicated from the client's thread token, so
// the child runs as the client and the stub's ACL decides what it may read.
#include <windows.h>
#include <strsafe.h>

#define PIPE_NAME L"\\\\.\\pipe\\stubrender"
#define RENDER_MAGIC 0x444E4552u /* "REND" */
#define MAX_NAME 16
#define MAX_RENDERED (64 * 1024)
#define RENDER_TIMEOUT_MS 10000

typedef struct {
    DWORD magic;
    WCHAR employee[MAX_NAME];
    WCHAR period[MAX_NAME];
} RENDER_REQUEST;

typedef struct {
    DWORD status;
    DWORD length;
} RENDER_REPLY_HEADER;

static BYTE g_rendered[MAX_RENDERED];
static DWORD g_nextJob = 1;

static BOOL IsValidComponent(const WCHAR *name)
{
    size_t i;
    for (i = 0; i < MAX_NAME && name[i] != L'\0'; i++) {
        WCHAR c = name[i];
        if (c == L'\\' || c == L'/' || c == L':' || c == L'"' ||
            (c == L'.' && name[i + 1] == L'.'))
            return FALSE;
    }
    return i > 0 && i < MAX_NAME;
}

static void SendReply(HANDLE pipe, DWORD status, const BYTE *data, DWORD length)
{
    RENDER_REPLY_HEADER header;
    DWORD written = 0;
    header.status = status;
    header.length = status == ERROR_SUCCESS ? length : 0;
    if (WriteFile(pipe, &header, sizeof(header), &written, NULL) && header.length != 0)
        WriteFile(pipe, data, header.length, &written, NULL);
}

/* Reads the converter's output file (the service's own file). */
static DWORD ReadRendered(const WCHAR *output, DWORD *length)
{
    DWORD status = ERROR_SUCCESS;
    HANDLE file = CreateFileW(output, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ReadFile(file, g_rendered, sizeof(g_rendered), length, NULL))
        status = GetLastError();
    CloseHandle(file);
    DeleteFileW(output);
    return status;
}

static DWORD ServeRender(HANDLE pipe)
{
    RENDER_REQUEST req;
    WCHAR output[MAX_PATH], commandLine[2 * MAX_PATH];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    HANDLE threadToken = NULL, clientToken = NULL;
    DWORD read = 0, length = 0, exitCode = 1, status = ERROR_SUCCESS;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) ||
        req.magic != RENDER_MAGIC) {
        SendReply(pipe, ERROR_BAD_FORMAT, NULL, 0);
        return ERROR_BAD_FORMAT;
    }
    req.employee[MAX_NAME - 1] = L'\0';
    req.period[MAX_NAME - 1] = L'\0';
    if (!IsValidComponent(req.employee) || !IsValidComponent(req.period)) {
        SendReply(pipe, ERROR_INVALID_NAME, NULL, 0);
        return ERROR_INVALID_NAME;
    }
    StringCchPrintfW(output, MAX_PATH, L"render\\job%u.txt", (unsigned)g_nextJob++);
    StringCchPrintfW(commandLine, 2 * MAX_PATH, L"stubrender.exe \"stubs\\%s\\%s.stub\" \"%s\"",
                     req.employee, req.period, output);

    if (!ImpersonateNamedPipeClient(pipe)) {
        status = GetLastError();
        SendReply(pipe, status, NULL, 0);
        return status;
    }
    /* The child gets the client's identity: a primary token made from the thread token. */
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_DUPLICATE | TOKEN_QUERY, TRUE, &threadToken) ||
        !DuplicateTokenEx(threadToken, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation,
                          TokenPrimary, &clientToken))
        status = GetLastError();
    if (threadToken != NULL)
        CloseHandle(threadToken);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (status != ERROR_SUCCESS) {
        SendReply(pipe, status, NULL, 0);
        return status;
    }

    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    if (CreateProcessAsUserW(clientToken, NULL, commandLine, NULL, NULL, FALSE,
                             CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
        if (WaitForSingleObject(pi.hProcess, RENDER_TIMEOUT_MS) != WAIT_OBJECT_0 ||
            !GetExitCodeProcess(pi.hProcess, &exitCode))
            exitCode = 1;
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
        status = exitCode == 0 ? ERROR_SUCCESS : ERROR_ACCESS_DENIED;
    } else {
        status = GetLastError();
    }
    CloseHandle(clientToken);

    if (status == ERROR_SUCCESS)
        status = ReadRendered(output, &length);
    SendReply(pipe, status, g_rendered, length);
    return status;
}

int main(void)
{
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, MAX_RENDERED,
                                       sizeof(RENDER_REQUEST), 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            ServeRender(pipe);
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
