// Logon-token worker with two labels: "revert" undoes the impersonation and falls into
// "out", which only frees memory. The write-failure path jumps straight to "out" and
// skips the revert. BUGGY.
#include <windows.h>

typedef struct {
    HANDLE token;
    WCHAR path[MAX_PATH];
    BYTE *buffer;
    DWORD size;
} JOB;

DWORD RunJob(JOB *job)
{
    DWORD status = ERROR_SUCCESS;
    HANDLE file;
    DWORD written = 0;

    if (job->token == NULL)
        return ERROR_INVALID_PARAMETER;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateLoggedOnUser' is still in force when 'RunJob' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateLoggedOnUser(job->token)) {
        status = GetLastError();
        goto out;
    }

    file = CreateFileW(job->path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is false
        status = GetLastError();
        goto revert;
    }

    if (!WriteFile(file, job->buffer, job->size, &written, NULL)) { // CHECK-NOTE: assuming the condition is true
        status = GetLastError();
        CloseHandle(file);
        goto out; /* wrong label: the revert is skipped */
    }
    CloseHandle(file);

revert:
    RevertToSelf();
out:
    HeapFree(GetProcessHeap(), 0, job->buffer);
    job->buffer = NULL;
    return status; // CHECK-NOTE: returns here while still impersonating
}
