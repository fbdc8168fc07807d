// Export service: while impersonating the client, the handler duplicates the thread
// token and starts a worker thread with it. The worker's start routine impersonates the
// handed-over token itself before it touches anything, and reverts before it returns:
// the fix the check's message asks for, even though the thread is created while the
// handler still impersonates. The worker thread starts on the service's token only until
// its own ImpersonateLoggedOnUser. CORRECT (silent).
#include <windows.h>

typedef struct {
    HANDLE token;
    WCHAR path[MAX_PATH];
} EXPORT_JOB;

static DWORD WINAPI ExportWorker(LPVOID param)
{
    EXPORT_JOB *job = (EXPORT_JOB *)param;
    HANDLE file;
    if (!ImpersonateLoggedOnUser(job->token))
        return GetLastError();
    file = CreateFileW(job->path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return ERROR_SUCCESS;
}

DWORD StartExport(HANDLE pipe, EXPORT_JOB *job, HANDLE *worker)
{
    HANDLE threadToken = NULL;
    DWORD err = ERROR_SUCCESS;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_DUPLICATE | TOKEN_QUERY, TRUE, &threadToken) ||
        !DuplicateTokenEx(threadToken, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL,
                          SecurityImpersonation, TokenImpersonation, &job->token)) {
        err = GetLastError();
    } else {
        *worker = CreateThread(NULL, 0, ExportWorker, job, 0, NULL);
        if (*worker == NULL)
            err = GetLastError();
    }
    if (threadToken != NULL)
        CloseHandle(threadToken);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return err;
}
