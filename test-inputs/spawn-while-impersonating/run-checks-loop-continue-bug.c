// Only this check runs (RUN-CHECKS): a batch loop impersonates each job's owner, and the
// "skip locked file" `continue` jumps over the revert. The next iteration queues its
// prefetch work item at the top of the loop body while still impersonating the previous
// owner: reported at QueueUserWorkItem, with the note at the begin (of the previous
// iteration). The leak itself is missing-revert's (see missing-revert/loop-continue-leak.c);
// with that check disabled only this warning remains. BUGGY.
// RUN-CHECKS: -*,impersonation-spawn-while-impersonating
#include <windows.h>

typedef struct {
    HANDLE ownerToken;
    WCHAR path[MAX_PATH];
} BATCH_JOB;

extern DWORD WINAPI PrefetchJob(LPVOID param); /* prefetch.c */
extern DWORD ArchiveAsOwner(const BATCH_JOB *job);

DWORD RunBatch(BATCH_JOB *jobs, DWORD count)
{
    DWORD i, failed = 0;

    for (i = 0; i < count; i++) {
        // CHECK-WARNING@+1: 'QueueUserWorkItem' queues work that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the work item [impersonation-spawn-while-impersonating]
        if (i + 1 < count && !QueueUserWorkItem(PrefetchJob, &jobs[i + 1], WT_EXECUTEDEFAULT))
            failed++;
        if (!ImpersonateLoggedOnUser(jobs[i].ownerToken)) { // CHECK-NOTE: the thread impersonates the client from here
            failed++;
            continue;
        }
        if (ArchiveAsOwner(&jobs[i]) == ERROR_SHARING_VIOLATION)
            continue; /* locked: try again in the next batch (forgets RevertToSelf) */
        RevertToSelf();
    }
    return failed;
}
