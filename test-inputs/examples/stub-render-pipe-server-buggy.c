// Stub renderer (BUGGY): a named-pipe service that renders an employee's pay stub as
// printable text through a converter program, stubrender.exe.
//
// A client connects to \\.\pipe\stubrender and sends one RENDER_REQUEST naming an
// employee and a pay period. The server impersonates the client and starts
//   stubrender.exe stubs\<employee>\<period>.stub render\job<N>.txt
// waits for it, reverts, and sends the rendered file back.
//
// The bug: CreateProcessW starts the converter with the PROCESS's primary token, not the
// thread's impersonation token. Impersonating around the call changes nothing for the
// child: it runs as the service and reads any stub it is told to, so any client gets
// anyone's pay stub rendered. The fixed version is stub-render-pipe-server-fixed.c.
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

    if (!ImpersonateNamedPipeClient(pipe)) { // CHECK-NOTE: the thread impersonates the client from here
        status = GetLastError();
        SendReply(pipe, status, NULL, 0);
        return status;
    }
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    /* BUG: the converter runs with the service's token, not the client's. */
    if (CreateProcessW(NULL, commandLine, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, // CHECK-WARNING: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
                       &si, &pi)) {
        if (WaitForSingleObject(pi.hProcess, RENDER_TIMEOUT_MS) != WAIT_OBJECT_0 ||
            !GetExitCodeProcess(pi.hProcess, &exitCode))
            exitCode = 1;
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
        status = exitCode == 0 ? ERROR_SUCCESS : ERROR_ACCESS_DENIED;
    } else {
        status = GetLastError();
    }
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

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
