// C++: a request batch class whose methods kept the names of the Win32 calls they
// replaced: RequestBatch::QueueUserWorkItem appends to an in-memory list and
// RequestBatch::CreateThread only records a continuation; nothing starts a thread or
// queues pool work. Calls to them while impersonating are not spawns (spawn APIs are
// matched by their declaration at global scope, not by name). The real QueueUserWorkItem
// runs after RevertToSelf. CORRECT.
#include <windows.h>
#include <vector>

class RequestBatch {
public:
    bool QueueUserWorkItem(LPTHREAD_START_ROUTINE fn, void *ctx) {
        items_.push_back({fn, ctx});
        return true;
    }
    HANDLE CreateThread(LPTHREAD_START_ROUTINE continuation) {
        continuation_ = continuation;
        return nullptr;
    }
    static DWORD WINAPI Drain(LPVOID self); // batch.cpp: runs the items as the service

private:
    struct Item { LPTHREAD_START_ROUTINE fn; void *ctx; };
    std::vector<Item> items_;
    LPTHREAD_START_ROUTINE continuation_ = nullptr;
};

DWORD WINAPI RecomputeQuota(LPVOID ctx);  // quota.cpp
DWORD WINAPI NotifyWatchers(LPVOID ctx);  // watchers.cpp

DWORD HandleBatch(HANDLE pipe, RequestBatch &batch, void *request)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    batch.QueueUserWorkItem(RecomputeQuota, request);
    batch.CreateThread(NotifyWatchers);
    RevertToSelf();
    if (!::QueueUserWorkItem(RequestBatch::Drain, &batch, WT_EXECUTEDEFAULT))
        return GetLastError();
    return ERROR_SUCCESS;
}
