// A worker created with CREATE_SUSPENDED while impersonating, then resumed WITHOUT giving
// it a token: CREATE_SUSPENDED alone is not the handover. A thread never inherits its
// creator's impersonation token, suspended or not, so the worker runs as the service.
// Decision (the spec exempts only a suspended thread "whose handle the same function later
// gives a token with SetThreadToken (or NtSetInformationThread) before resuming it"):
// reported like any CreateThread, at the CreateThread call. Every path reverts. BUGGY.
#include <windows.h>

typedef struct {
    WCHAR target[MAX_PATH];
    DWORD format;
} EXPORT_JOB;

extern DWORD WINAPI ExportWorker(LPVOID param); /* export.c */

DWORD DispatchExport(HANDLE pipe, EXPORT_JOB *job, HANDLE *workerOut)
{
    HANDLE worker;
    DWORD err = ERROR_SUCCESS;

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    // CHECK-WARNING@+1: 'CreateThread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    worker = CreateThread(NULL, 0, ExportWorker, job, CREATE_SUSPENDED, NULL);
    if (worker == NULL) {
        err = GetLastError();
    } else {
        SetThreadPriority(worker, THREAD_PRIORITY_BELOW_NORMAL);
        ResumeThread(worker);
        *workerOut = worker;
    }
    RevertToSelf();
    return err;
}
