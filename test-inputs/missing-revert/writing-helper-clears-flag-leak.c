// Job service (C): as read-only-helper-keeps-flag-correct.c, but the second helper resets
// the job (and with it `job->impersonating`) before the guarded revert: the revert is
// skipped and the thread keeps the client's token. BUGGY.
#include <windows.h>

struct Job {
    HANDLE pipe;
    BOOL impersonating;
    DWORD items;
};

static DWORD CountItems(const struct Job *job)
{
    return job->items * 2;
}

static void ResetJob(struct Job *job)
{
    job->items = 0;
    job->impersonating = FALSE;
}

DWORD RunJob(struct Job *job)
{
    DWORD total;
    job->impersonating = FALSE;
    if (ImpersonateNamedPipeClient(job->pipe)) // CHECK-WARNING: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'RunJob' returns [impersonation-missing-revert]
        job->impersonating = TRUE; // CHECK-NOTE@-1: assuming the condition is true
    total = CountItems(job);
    ResetJob(job);
    if (job->impersonating) // CHECK-NOTE: assuming the condition is false
        RevertToSelf();
    return total; // CHECK-NOTE: returns here while still impersonating
}
