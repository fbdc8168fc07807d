// Job service (C): the request's state struct records whether the handler impersonates;
// between the begin and the guarded revert the handler hands the struct to two helpers of
// the same file: one only reads it (a const pointer), the other reads it through a plain
// pointer but writes nothing through it. Neither can change `job->impersonating`, so the
// revert is known to run exactly when the begin succeeded. CORRECT.
#include <windows.h>

struct Job {
    HANDLE pipe;
    BOOL impersonating;
    DWORD items;
    WCHAR name[64];
};

static DWORD CountItems(const struct Job *job)
{
    return job->items * 2;
}

static DWORD NameLength(struct Job *job)
{
    DWORD n = 0;
    while (n < 64 && job->name[n])
        ++n;
    return n;
}

DWORD RunJob(struct Job *job)
{
    DWORD total;
    job->impersonating = FALSE;
    if (ImpersonateNamedPipeClient(job->pipe))
        job->impersonating = TRUE;
    total = CountItems(job) + NameLength(job);
    if (job->impersonating)
        RevertToSelf();
    return total;
}
