// A begin helper that drops the result: EnterClientContext logs a failed
// ImpersonateNamedPipeClient and returns nothing, so its callers cannot know. It is
// reported itself, at its begin, where the fix belongs; its two callers are not reported
// again. LeaveClientContext reverts for both: missing-revert is silent. BUGGY.
#include <windows.h>

static void EnterClientContext(HANDLE pipe)
{
    // CHECK-WARNING@+2: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: assuming the condition is true
    if (!ImpersonateNamedPipeClient(pipe))
        OutputDebugStringW(L"svc: cannot impersonate the client\n");
} // CHECK-NOTE: 'EnterClientContext' returns here without telling its callers that 'ImpersonateNamedPipeClient' failed

static void LeaveClientContext(void)
{
    RevertToSelf();
}

DWORD OpenClientDocument(HANDLE pipe, const WCHAR *path, HANDLE *doc)
{
    EnterClientContext(pipe);
    *doc = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    LeaveClientContext();
    return *doc == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}

DWORD RenameClientDocument(HANDLE pipe, const WCHAR *from, const WCHAR *to)
{
    DWORD err = ERROR_SUCCESS;

    EnterClientContext(pipe);
    if (!MoveFileExW(from, to, MOVEFILE_REPLACE_EXISTING))
        err = GetLastError();
    LeaveClientContext();
    return err;
}
