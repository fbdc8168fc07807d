// Pay-stub export server over a named pipe, with a thread-pool worker (BUGGY).
//
// A client connects to \\.\pipe\stubexport and sends one EXPORT_REQUEST: a stub
// (employee, period) and a file name in the client's outbox. The server impersonates the
// client and queues the copy to the thread pool (QueueUserWorkItem), so the pipe thread
// only waits for it with a timeout, then answers with the worker's status.
//
// The bug: the work item runs on a pool thread, which has the process's primary token, not
// the pipe thread's impersonation token. The copy runs as the service: any client exports
// anyone's pay stub into their outbox. The fixed version is
// pipe-export-queue-work-item-fixed.c.
#include <windows.h>
#include <strsafe.h>

#define PIPE_NAME L"\\\\.\\pipe\\stubexport"
#define EXPORT_MAGIC 0x54505845u /* "EXPT" */
#define MAX_NAME 16
#define MAX_STUB 4096
#define EXPORT_TIMEOUT_MS 10000

typedef struct {
    DWORD magic;
    WCHAR employee[MAX_NAME];
    WCHAR period[MAX_NAME];
    WCHAR outboxFile[MAX_NAME];
} EXPORT_REQUEST;

typedef struct {
    WCHAR source[MAX_PATH];
    WCHAR destination[MAX_PATH];
    HANDLE done;
    DWORD status;
} EXPORT_JOB;

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

static DWORD CopyStub(const WCHAR *source, const WCHAR *destination)
{
    BYTE buffer[MAX_STUB];
    DWORD length = 0, written = 0, status = ERROR_SUCCESS;
    HANDLE in, out;

    in = CreateFileW(source, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                     FILE_ATTRIBUTE_NORMAL, NULL);
    if (in == INVALID_HANDLE_VALUE)
        return GetLastError();
    out = CreateFileW(destination, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL,
                      NULL);
    if (out == INVALID_HANDLE_VALUE) {
        status = GetLastError();
    } else {
        if (!ReadFile(in, buffer, sizeof(buffer), &length, NULL) ||
            !WriteFile(out, buffer, length, &written, NULL))
            status = GetLastError();
        CloseHandle(out);
    }
    CloseHandle(in);
    return status;
}

static DWORD WINAPI ExportWork(LPVOID context)
{
    EXPORT_JOB *job = (EXPORT_JOB *)context;
    job->status = CopyStub(job->source, job->destination);
    SetEvent(job->done);
    return 0;
}

static DWORD ServeExport(HANDLE pipe)
{
    EXPORT_REQUEST req;
    EXPORT_JOB job;
    DWORD read = 0, status;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) ||
        req.magic != EXPORT_MAGIC)
        return ERROR_BAD_FORMAT;
    req.employee[MAX_NAME - 1] = req.period[MAX_NAME - 1] = req.outboxFile[MAX_NAME - 1] = L'\0';
    if (!IsValidComponent(req.employee) || !IsValidComponent(req.period) ||
        !IsValidComponent(req.outboxFile))
        return ERROR_INVALID_NAME;

    ZeroMemory(&job, sizeof(job));
    StringCchPrintfW(job.source, MAX_PATH, L"stubs\\%s\\%s.stub", req.employee, req.period);
    job.done = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (job.done == NULL)
        return GetLastError();

    if (!ImpersonateNamedPipeClient(pipe)) { // CHECK-NOTE: the thread impersonates the client from here
        status = GetLastError();
        CloseHandle(job.done);
        return status;
    }
    /* The client's outbox: its own user name. */
    {
        WCHAR user[MAX_NAME];
        DWORD length = MAX_NAME;
        if (!GetUserNameW(user, &length))
            user[0] = L'\0';
        StringCchPrintfW(job.destination, MAX_PATH, L"outbox\\%s\\%s", user, req.outboxFile);
    }
    /* BUG: the work item runs on a pool thread with the service's token. */
    if (QueueUserWorkItem(ExportWork, &job, WT_EXECUTEDEFAULT)) // CHECK-WARNING: 'QueueUserWorkItem' queues work that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the work item [impersonation-spawn-while-impersonating]
        status = WaitForSingleObject(job.done, EXPORT_TIMEOUT_MS) == WAIT_OBJECT_0 ? job.status
                                                                              : ERROR_TIMEOUT;
    else
        status = GetLastError();
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    CloseHandle(job.done);
    return status;
}

int main(void)
{
    for (;;) {
        DWORD status = ERROR_PIPE_NOT_CONNECTED, written = 0;
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, sizeof(DWORD),
                                       sizeof(EXPORT_REQUEST), 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED) {
            status = ServeExport(pipe);
            WriteFile(pipe, &status, sizeof(status), &written, NULL);
        }
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
