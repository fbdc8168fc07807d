// Logon-token worker in the classic C "goto cleanup" style: a flag records whether the
// impersonation succeeded and the single cleanup block reverts when it is set. Every
// error path jumps to the cleanup. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE token;      // the client's logon token, from LogonUserW
    WCHAR path[MAX_PATH];
    BYTE *buffer;
    DWORD size;
} JOB;

DWORD RunJob(JOB *job)
{
    DWORD status = ERROR_SUCCESS;
    BOOL impersonating = FALSE;
    HANDLE file = INVALID_HANDLE_VALUE;
    DWORD written = 0;

    if (job->token == NULL || job->buffer == NULL) {
        status = ERROR_INVALID_PARAMETER;
        goto cleanup;
    }

    if (!ImpersonateLoggedOnUser(job->token)) {
        status = GetLastError();
        goto cleanup;
    }
    impersonating = TRUE;

    file = CreateFileW(job->path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        status = GetLastError();
        goto cleanup;
    }

    if (!WriteFile(file, job->buffer, job->size, &written, NULL)) {
        status = GetLastError();
        goto cleanup;
    }

    if (written != job->size)
        status = ERROR_WRITE_FAULT;

cleanup:
    if (file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    if (impersonating)
        RevertToSelf();
    return status;
}
