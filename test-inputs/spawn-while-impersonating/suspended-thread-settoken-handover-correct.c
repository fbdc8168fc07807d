// The handover done right: while impersonating the pipe client the dispatcher opens the
// thread token, creates the worker SUSPENDED, gives the token to the worker's handle with
// SetThreadToken(&worker, token) and only then resumes it. The worker's first instruction
// already runs as the client. The CreateThread call is not reported: the same function
// hands that handle the token before ResumeThread. SetThreadToken aimed at the worker does
// not change this thread's state; every path reverts. CORRECT.
#include <windows.h>

typedef struct {
    WCHAR target[MAX_PATH];
    DWORD format;
} EXPORT_JOB;

extern DWORD WINAPI ExportWorker(LPVOID param); /* export.c */

DWORD DispatchExport(HANDLE pipe, EXPORT_JOB *job, HANDLE *workerOut)
{
    HANDLE token = NULL, worker = NULL;
    DWORD err = ERROR_SUCCESS;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE | TOKEN_QUERY, TRUE, &token)) {
        err = GetLastError();
        goto out;
    }
    worker = CreateThread(NULL, 0, ExportWorker, job, CREATE_SUSPENDED, NULL);
    if (worker == NULL) {
        err = GetLastError();
        goto out;
    }
    if (!SetThreadToken(&worker, token)) {
        err = GetLastError();
        TerminateThread(worker, err);
        CloseHandle(worker);
        goto out;
    }
    if (ResumeThread(worker) == (DWORD)-1) {
        err = GetLastError();
        TerminateThread(worker, err);
        CloseHandle(worker);
        goto out;
    }
    *workerOut = worker;
out:
    if (token != NULL)
        CloseHandle(token);
    RevertToSelf();
    return err;
}
