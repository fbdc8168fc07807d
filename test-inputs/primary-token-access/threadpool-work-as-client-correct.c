// Thread-pool pipe server: the accept loop hands each connected pipe to a work item
// (SubmitThreadpoolWork, while not impersonating: no spawn-while-impersonating). The
// work callback reads the request, opens the named file as the client, reverts, and
// afterwards only writes the status on the pipe (WriteFile names no object). CORRECT.
#include <windows.h>

typedef struct {
    HANDLE pipe;
} CONNECTION;

typedef struct {
    DWORD op;
    WCHAR path[MAX_PATH];
} REQUEST;

static VOID CALLBACK ServeConnection(PTP_CALLBACK_INSTANCE instance, PVOID context, PTP_WORK work)
{
    CONNECTION *conn = (CONNECTION *)context;
    REQUEST req;
    DWORD read = 0, status, written = 0;
    HANDLE file;

    (void)instance;
    if (!ReadFile(conn->pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) {
        status = ERROR_BAD_FORMAT;
    } else if (!ImpersonateNamedPipeClient(conn->pipe)) {
        status = GetLastError();
    } else {
        req.path[MAX_PATH - 1] = L'\0';
        file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        status = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
        if (!RevertToSelf())
            ExitProcess(ERROR_CANNOT_IMPERSONATE);
        if (file != INVALID_HANDLE_VALUE)
            CloseHandle(file);
    }
    WriteFile(conn->pipe, &status, sizeof(status), &written, NULL);
    DisconnectNamedPipe(conn->pipe);
    CloseHandle(conn->pipe);
    HeapFree(GetProcessHeap(), 0, conn);
    CloseThreadpoolWork(work);
}

DWORD AcceptLoop(void)
{
    for (;;) {
        CONNECTION *conn;
        PTP_WORK work;
        HANDLE pipe = CreateNamedPipeW(L"\\\\.\\pipe\\filesvc", PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, 4096, 4096, 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return GetLastError();
        if (!ConnectNamedPipe(pipe, NULL) && GetLastError() != ERROR_PIPE_CONNECTED) {
            CloseHandle(pipe);
            continue;
        }
        conn = (CONNECTION *)HeapAlloc(GetProcessHeap(), 0, sizeof(*conn));
        work = conn ? CreateThreadpoolWork(ServeConnection, conn, NULL) : NULL;
        if (work == NULL) {
            HeapFree(GetProcessHeap(), 0, conn);
            CloseHandle(pipe);
            continue;
        }
        conn->pipe = pipe;
        SubmitThreadpoolWork(work);
    }
}
