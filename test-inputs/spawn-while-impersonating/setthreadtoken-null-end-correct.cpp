// C++ token-based pipeline stage: it puts the job owner's token on the thread with
// SetThreadToken(nullptr, token), does the owner's part, and ends the impersonation with
// SetThreadToken(nullptr, nullptr) (an end, like RevertToSelf) before starting the next
// stage's thread, which is the service's own work. The CreateThread follows the end on
// every path. CORRECT.
#include <windows.h>
#include <string>

struct StageJob {
    HANDLE owner_token;
    std::wstring inbox;
    DWORD result;
};

DWORD CollectFromInbox(StageJob &job);   // as the owner
DWORD WINAPI IndexStage(LPVOID param);   // next stage, as the service

DWORD RunCollectStage(StageJob &job)
{
    if (!SetThreadToken(nullptr, job.owner_token))
        return job.result = GetLastError();
    job.result = CollectFromInbox(job);
    if (!SetThreadToken(nullptr, nullptr))
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (job.result != ERROR_SUCCESS)
        return job.result;

    HANDLE next = CreateThread(nullptr, 0, IndexStage, &job, 0, nullptr);
    if (next == nullptr)
        return job.result = GetLastError();
    CloseHandle(next);
    return ERROR_SUCCESS;
}
