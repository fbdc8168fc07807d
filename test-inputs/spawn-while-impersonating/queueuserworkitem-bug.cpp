// C++ named-pipe notification service: after checking the client's request as the client,
// the handler queues the delivery with QueueUserWorkItem while still impersonating. Pool
// threads do not take the queuing thread's token: the delivery callback opens the
// client-named mailbox file as the service. The begin is tested; both paths revert. BUGGY.
#include <windows.h>
#include <string>

struct NotifyRequest {
    std::wstring mailbox;
    std::wstring text;
};

DWORD WINAPI DeliverNotification(LPVOID param); // delivery.cpp
bool IsMailboxOwner(const std::wstring &mailbox); // runs as the caller

class NotifyServer {
public:
    DWORD HandleNotify(HANDLE pipe, NotifyRequest *req);
};

DWORD NotifyServer::HandleNotify(HANDLE pipe, NotifyRequest *req)
{
    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    if (!IsMailboxOwner(req->mailbox)) {
        RevertToSelf();
        return ERROR_ACCESS_DENIED;
    }
    DWORD err = ERROR_SUCCESS;
    // CHECK-WARNING@+1: 'QueueUserWorkItem' queues work that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the work item [impersonation-spawn-while-impersonating]
    if (!QueueUserWorkItem(DeliverNotification, req, WT_EXECUTEDEFAULT))
        err = GetLastError();
    RevertToSelf();
    return err;
}
