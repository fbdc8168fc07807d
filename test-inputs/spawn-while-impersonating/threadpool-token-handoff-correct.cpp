// The fix of queueuserworkitem-bug.cpp: while impersonating, the handler copies the thread
// token into the work item, reverts, and queues the item afterwards. The callback (in this
// file) impersonates with the handed token, checks that it worked, delivers as the client
// and reverts. Queuing after the revert is not reported, and the callback itself spawns
// nothing. CORRECT.
#include <windows.h>
#include <string>

struct NotifyItem {
    HANDLE client_token = nullptr;
    std::wstring mailbox;
    std::wstring text;
};

DWORD AppendToMailbox(const std::wstring &mailbox, const std::wstring &text); // mailbox.cpp

static DWORD WINAPI DeliverAsClient(LPVOID param)
{
    auto *item = static_cast<NotifyItem *>(param);
    DWORD err;
    if (!ImpersonateLoggedOnUser(item->client_token)) {
        err = GetLastError();
    } else {
        err = AppendToMailbox(item->mailbox, item->text);
        RevertToSelf();
    }
    CloseHandle(item->client_token);
    delete item;
    return err;
}

DWORD HandleNotify(HANDLE pipe, NotifyItem *item)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    BOOL opened = OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE | TOKEN_DUPLICATE, TRUE,
                                  &item->client_token);
    DWORD err = opened ? ERROR_SUCCESS : GetLastError();
    RevertToSelf();
    if (!opened)
        return err;

    if (!QueueUserWorkItem(DeliverAsClient, item, WT_EXECUTEDEFAULT)) {
        err = GetLastError();
        CloseHandle(item->client_token);
    }
    return err;
}
