// Named-pipe export service: a long export is handed to a worker thread created while the
// dispatcher impersonates the client. A new thread starts with NO impersonation token: the
// worker writes the export, to a path the client chose, as LocalSystem. The dispatcher's
// own impersonation is checked and reverted on every path. BUGGY.
#include <windows.h>

typedef struct {
    HANDLE pipe;
    WCHAR target[MAX_PATH];
    DWORD format;
} EXPORT_JOB;

extern DWORD WINAPI ExportWorker(LPVOID param); /* export.c: writes job->target */

DWORD DispatchExport(HANDLE pipe, EXPORT_JOB *job)
{
    HANDLE worker;
    DWORD got = 0, err = ERROR_SUCCESS;

    if (!ReadFile(pipe, job->target, sizeof(job->target), &got, NULL))
        return GetLastError();
    job->target[MAX_PATH - 1] = L'\0';
    job->pipe = pipe;

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    // CHECK-WARNING@+1: 'CreateThread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    worker = CreateThread(NULL, 0, ExportWorker, job, 0, NULL);
    if (worker == NULL)
        err = GetLastError();
    else
        CloseHandle(worker);
    RevertToSelf();
    return err;
}
