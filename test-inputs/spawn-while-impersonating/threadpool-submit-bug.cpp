// C++ sync engine on the Vista thread pool: two request handlers impersonate the user's
// token and submit pool work while impersonating, one with TrySubmitThreadpoolCallback,
// one with a work object and SubmitThreadpoolWork. Pool callbacks run with the service's
// token whatever the submitting thread was impersonating. Each begin is tested and each
// handler reverts on every path. BUGGY (2 warnings).
#include <windows.h>

struct SyncJob {
    HANDLE user_token;
    wchar_t folder[MAX_PATH];
    PTP_WORK work;
};

void CALLBACK UploadCallback(PTP_CALLBACK_INSTANCE instance, void *context);       // sync.cpp
void CALLBACK DownloadCallback(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work);

DWORD StartUpload(SyncJob *job)
{
    if (!ImpersonateLoggedOnUser(job->user_token)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    DWORD err = ERROR_SUCCESS;
    // CHECK-WARNING@+1: 'TrySubmitThreadpoolCallback' queues work that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the work item [impersonation-spawn-while-impersonating]
    if (!TrySubmitThreadpoolCallback(UploadCallback, job, nullptr))
        err = GetLastError();
    RevertToSelf();
    return err;
}

DWORD StartDownload(SyncJob *job)
{
    job->work = CreateThreadpoolWork(DownloadCallback, job, nullptr);
    if (job->work == nullptr)
        return GetLastError();
    if (!ImpersonateLoggedOnUser(job->user_token)) { // CHECK-NOTE: the thread impersonates the client from here
        DWORD err = GetLastError();
        CloseThreadpoolWork(job->work);
        return err;
    }
    SubmitThreadpoolWork(job->work); // CHECK-WARNING: 'SubmitThreadpoolWork' queues work that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the work item [impersonation-spawn-while-impersonating]
    RevertToSelf();
    return ERROR_SUCCESS;
}
