// The handover in the wrong order: the worker is created suspended and given the client's
// token with SetThreadToken, but only AFTER ResumeThread. Until the token lands the worker
// runs as the service, and nothing stops it from opening the client-named target first.
// The spec exempts only a token given "before resuming it": reported at CreateThread.
// Every path reverts; SetThreadToken aimed at the worker does not touch this thread.
// BUGGY.
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

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &token)) {
        err = GetLastError();
        goto out;
    }
    // CHECK-WARNING@+1: 'CreateThread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    worker = CreateThread(NULL, 0, ExportWorker, job, CREATE_SUSPENDED, NULL);
    if (worker == NULL) {
        err = GetLastError();
        goto out;
    }
    ResumeThread(worker);
    if (!SetThreadToken(&worker, token)) {
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
