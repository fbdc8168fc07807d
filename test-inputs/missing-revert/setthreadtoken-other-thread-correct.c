// A dispatcher prepares a suspended worker thread: it puts the client's token on the
// WORKER with SetThreadToken(&worker, token) and resumes it. The calling thread's own
// identity never changes, so nothing is left to revert here. The same holds for
// ImpersonateAnonymousToken aimed at the worker. CORRECT.
#include <windows.h>

extern DWORD WINAPI WorkerMain(LPVOID param);

HANDLE StartWorkerAsClient(HANDLE clientToken, LPVOID param, BOOL anonymous)
{
    HANDLE worker = CreateThread(NULL, 0, WorkerMain, param, CREATE_SUSPENDED, NULL);
    if (worker == NULL)
        return NULL;

    if (anonymous) {
        if (!ImpersonateAnonymousToken(worker))
            goto fail;
    } else {
        if (!SetThreadToken(&worker, clientToken))
            goto fail;
    }

    if (ResumeThread(worker) == (DWORD)-1)
        goto fail;
    return worker;

fail:
    TerminateThread(worker, ERROR_CANNOT_IMPERSONATE);
    CloseHandle(worker);
    return NULL;
}
