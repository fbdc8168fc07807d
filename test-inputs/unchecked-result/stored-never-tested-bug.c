// Backup agent: each job runs under the account that owns it (a token from LogonUserW
// kept with the job). The result of ImpersonateLoggedOnUser is stored in the job and
// passed to a trace helper, but nothing ever tests it: when the call fails (the token
// was closed by a concurrent cancel, a quota is exceeded) CopyFileW copies the user's
// files with the agent's own token (LocalSystem), past the user's ACLs. Passing the
// value to a function is not a test. BUGGY.
#include <windows.h>
#include <stdio.h>

typedef struct {
    HANDLE ownerToken;
    WCHAR source[MAX_PATH];
    WCHAR destination[MAX_PATH];
    BOOL impersonated;
} BACKUP_JOB;

static void Trace(const WCHAR *what, DWORD value, DWORD lastError)
{
    WCHAR line[160];
    _snwprintf(line, 160, L"backup: %ls=%lu (last error %lu)\n", what, value, lastError);
    line[159] = L'\0';
    OutputDebugStringW(line);
}

DWORD RunBackupJob(BACKUP_JOB *job)
{
    DWORD err = ERROR_SUCCESS;

    job->impersonated = ImpersonateLoggedOnUser(job->ownerToken); // CHECK-WARNING: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    Trace(L"impersonated", job->impersonated, GetLastError());

    if (!CopyFileW(job->source, job->destination, FALSE)) // CHECK-NOTE: 'CopyFileW' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
        err = GetLastError();

    RevertToSelf();
    return err;
}
