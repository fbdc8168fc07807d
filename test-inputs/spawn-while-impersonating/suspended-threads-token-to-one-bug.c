// Two workers per request, both created SUSPENDED while impersonating: the reader gets the
// client's token with SetThreadToken before it is resumed, the writer is resumed without
// one. The handover is per thread handle: only the writer's CreateThread is reported (an
// implementation that silences every CreateThread of a function containing some
// SetThreadToken would miss it). Every path reverts. BUGGY.
#include <windows.h>

typedef struct {
    HANDLE pipe;
    WCHAR source[MAX_PATH];
    WCHAR target[MAX_PATH];
} COPY_JOB;

extern DWORD WINAPI ReaderMain(LPVOID param);
extern DWORD WINAPI WriterMain(LPVOID param);

DWORD StartCopy(COPY_JOB *job, HANDLE workers[2])
{
    HANDLE token = NULL;
    DWORD err = ERROR_SUCCESS;

    workers[0] = workers[1] = NULL;
    if (!ImpersonateNamedPipeClient(job->pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &token)) {
        err = GetLastError();
        goto out;
    }
    workers[0] = CreateThread(NULL, 0, ReaderMain, job, CREATE_SUSPENDED, NULL);
    // CHECK-WARNING@+1: 'CreateThread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    workers[1] = CreateThread(NULL, 0, WriterMain, job, CREATE_SUSPENDED, NULL);
    if (workers[0] == NULL || workers[1] == NULL) {
        err = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    if (!SetThreadToken(&workers[0], token)) {
        err = GetLastError();
        goto out;
    }
    ResumeThread(workers[0]);
    ResumeThread(workers[1]);
out:
    if (token != NULL)
        CloseHandle(token);
    RevertToSelf();
    return err;
}
