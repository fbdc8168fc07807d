// The correct form of run-checks-loop-continue-bug.c, under all four checks: the batch loop
// queues the next job's prefetch at the top of each iteration, then impersonates the job's
// owner and reverts on every way out of the body (the `continue` for a locked file
// included); a failed begin gives the rest of the batch back (`break`), so no later
// work item is queued on a failed begin's path either. Every QueueUserWorkItem runs while
// the thread is itself. A rule like "a spawn inside a loop that impersonates" would
// report it. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE ownerToken;
    WCHAR path[MAX_PATH];
} BATCH_JOB;

extern DWORD WINAPI PrefetchJob(LPVOID param); /* prefetch.c */
extern DWORD ArchiveAsOwner(const BATCH_JOB *job);

DWORD RunBatch(BATCH_JOB *jobs, DWORD count)
{
    DWORD i, err, failed = 0;

    for (i = 0; i < count; i++) {
        if (i + 1 < count && !QueueUserWorkItem(PrefetchJob, &jobs[i + 1], WT_EXECUTEDEFAULT))
            failed++;
        if (!ImpersonateLoggedOnUser(jobs[i].ownerToken)) {
            failed += count - i; /* owner token unusable: give the batch back */
            break;
        }
        err = ArchiveAsOwner(&jobs[i]);
        RevertToSelf();
        if (err == ERROR_SHARING_VIOLATION)
            continue; /* locked: try again in the next batch */
        if (err != ERROR_SUCCESS)
            failed++;
    }
    return failed;
}
