// Pay-stub print spooler over a named pipe (BUGGY).
//
// A client connects to \\.\pipe\stubspool and sends one SPOOL_REQUEST:
//   SPOOL_SUBMIT  copies the client's document into the spool, spool\<owner>\<job>.spl,
//                 as the client (each owner's spool folder is theirs alone);
//   SPOOL_CANCEL  removes a spooled job, spool\<owner>\<job>.spl.
//
// The bug: SUBMIT impersonates the client, CANCEL does not: "deleting from our own spool
// needs no impersonation". The spool folders belong to their owners, but the delete runs
// with the service's token and the job's name comes from the client, so any client
// cancels anyone's print jobs. The fixed version is
// spool-cancel-without-impersonation-fixed.c.
#include <windows.h>
#include <strsafe.h>

#define PIPE_NAME L"\\\\.\\pipe\\stubspool"
#define SPOOL_MAGIC 0x4C4F4F50u /* "POOL" */
#define MAX_NAME 16
#define MAX_DOC 64

enum { SPOOL_SUBMIT = 1, SPOOL_CANCEL = 2 };

typedef struct {
    DWORD magic;
    DWORD command;
    WCHAR owner[MAX_NAME];
    WCHAR job[MAX_NAME];
    WCHAR document[MAX_DOC]; /* SUBMIT: the document to print, e.g. stubs\alice\2024-05.stub */
} SPOOL_REQUEST;

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

static DWORD HandleSpoolRequest(HANDLE pipe)
{
    SPOOL_REQUEST req;
    WCHAR jobPath[MAX_PATH];
    DWORD read = 0, status = ERROR_SUCCESS;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) || // CHECK-NOTE: the client's data is received here
        req.magic != SPOOL_MAGIC)
        return ERROR_BAD_FORMAT;
    req.owner[MAX_NAME - 1] = L'\0';
    req.job[MAX_NAME - 1] = L'\0';
    req.document[MAX_DOC - 1] = L'\0';
    if (!IsValidComponent(req.owner) || !IsValidComponent(req.job))
        return ERROR_INVALID_NAME;
    if (FAILED(StringCchPrintfW(jobPath, MAX_PATH, L"spool\\%s\\%s.spl", req.owner, req.job)))
        return ERROR_INVALID_NAME;

    switch (req.command) {
    case SPOOL_SUBMIT:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        if (!CopyFileW(req.document, jobPath, TRUE))
            status = GetLastError();
        if (!RevertToSelf())
            ExitProcess(ERROR_CANNOT_IMPERSONATE);
        return status;
    case SPOOL_CANCEL:
        /* BUG: deleted with the service's token. */
        if (!DeleteFileW(jobPath)) // CHECK-WARNING: 'DeleteFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
            status = GetLastError();
        return status;
    default:
        return ERROR_INVALID_FUNCTION;
    }
}

int main(void)
{
    for (;;) {
        DWORD status = ERROR_PIPE_NOT_CONNECTED, written = 0;
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, sizeof(DWORD),
                                       sizeof(SPOOL_REQUEST), 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED) {
            status = HandleSpoolRequest(pipe);
            WriteFile(pipe, &status, sizeof(status), &written, NULL);
        }
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
