// Print-spooler-style handler: the token is optional, so the begin is the right-hand
// operand of "&&" and the revert is guarded by the same expression's stored outcome.
// Short-circuit evaluation means no begin happens without a token. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE clientToken; /* NULL: run the job as the spooler */
    WCHAR document[MAX_PATH];
} PRINT_JOB;

extern BOOL SpoolDocument(HANDLE file);

DWORD SubmitJob(PRINT_JOB *job)
{
    DWORD status = ERROR_SUCCESS;
    BOOL asClient = job->clientToken != NULL && ImpersonateLoggedOnUser(job->clientToken);
    HANDLE file;

    if (job->clientToken != NULL && !asClient)
        return ERROR_ACCESS_DENIED; /* the token was given but could not be used */

    file = CreateFileW(job->document, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        status = GetLastError();
    } else {
        if (!SpoolDocument(file))
            status = ERROR_PRINT_CANCELLED;
        CloseHandle(file);
    }

    if (asClient)
        RevertToSelf();
    return status;
}
