// __try/__finally (C) done right: inside the __try, while impersonating the pipe client,
// the handler creates the converter's worker thread SUSPENDED and gives it the thread
// token with SetThreadToken before resuming it (the handover); the __finally closes the
// token and reverts. The progress thread started after the __try/__finally runs as the
// service on purpose. No spawn is reported. CORRECT.
#include <windows.h>

extern DWORD WINAPI ConvertWorker(LPVOID param);  /* convert.c */
extern DWORD WINAPI ProgressPinger(LPVOID param); /* progress.c, service-side */

DWORD ServeConvert(HANDLE pipe, LPVOID job)
{
    HANDLE token = NULL, worker = NULL, pinger;
    BOOL impersonating = FALSE;
    DWORD err = ERROR_SUCCESS;

    __try {
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError(); /* the __finally runs; nothing to revert */
        impersonating = TRUE;
        if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &token)) {
            err = GetLastError();
            __leave;
        }
        worker = CreateThread(NULL, 0, ConvertWorker, job, CREATE_SUSPENDED, NULL);
        if (worker == NULL) {
            err = GetLastError();
            __leave;
        }
        if (!SetThreadToken(&worker, token)) {
            err = GetLastError();
            TerminateThread(worker, err);
            __leave;
        }
        ResumeThread(worker);
    } __finally {
        if (worker != NULL)
            CloseHandle(worker);
        if (token != NULL)
            CloseHandle(token);
        if (impersonating)
            RevertToSelf();
    }
    if (err == ERROR_SUCCESS) {
        pinger = CreateThread(NULL, 0, ProgressPinger, pipe, 0, NULL);
        if (pinger != NULL)
            CloseHandle(pinger);
    }
    return err;
}
