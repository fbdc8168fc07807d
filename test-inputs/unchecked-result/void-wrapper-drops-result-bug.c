// A begin helper that drops the result: EnterClientContext logs a failed
// ImpersonateNamedPipeClient and returns nothing, so its callers cannot know. It is not
// reported itself (nothing runs after the begin inside it); each call to it is a begin
// whose outcome is unknown, reported at the call and named by the helper: two callers,
// two warnings. LeaveClientContext reverts for both: missing-revert is silent. BUGGY.
#include <windows.h>

static void EnterClientContext(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe))
        OutputDebugStringW(L"svc: cannot impersonate the client\n");
}

static void LeaveClientContext(void)
{
    RevertToSelf();
}

DWORD OpenClientDocument(HANDLE pipe, const WCHAR *path, HANDLE *doc)
{
    EnterClientContext(pipe); // CHECK-WARNING: if 'EnterClientContext' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    *doc = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'EnterClientContext' failed
    LeaveClientContext();
    return *doc == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}

DWORD RenameClientDocument(HANDLE pipe, const WCHAR *from, const WCHAR *to)
{
    DWORD err = ERROR_SUCCESS;

    EnterClientContext(pipe); // CHECK-WARNING: if 'EnterClientContext' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (!MoveFileExW(from, to, MOVEFILE_REPLACE_EXISTING)) // CHECK-NOTE: 'MoveFileExW' runs here with the service's own token when 'EnterClientContext' failed
        err = GetLastError();
    LeaveClientContext();
    return err;
}
