// "Run as" broker: the RPC caller supplies a user name and password; the manager routine
// impersonates the caller only to check that it may use the broker, then (still
// impersonating) starts the program with CreateProcessWithLogonW under the supplied
// credentials. The child's token comes from that logon, not from this thread or this
// service: never reported, and not an access either. RpcRevertToSelf on every path after
// the begin. CORRECT.
#include <windows.h>
#include <rpc.h>

extern BOOL CallerMayUseBroker(void); /* AccessCheck against the broker's DACL, as the caller */

static WCHAR g_shellCmd[] = L"\"C:\\Windows\\System32\\cmd.exe\"";

error_status_t s_RunAs(handle_t binding, const wchar_t *user, const wchar_t *domain,
                       const wchar_t *password, DWORD *processId)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    error_status_t result = ERROR_SUCCESS;

    if (RpcImpersonateClient(binding) != RPC_S_OK)
        return ERROR_ACCESS_DENIED;
    if (!CallerMayUseBroker()) {
        result = ERROR_ACCESS_DENIED;
    } else if (CreateProcessWithLogonW(user, domain, password, LOGON_WITH_PROFILE, NULL,
                                       g_shellCmd, CREATE_NEW_CONSOLE, NULL, NULL, &si, &pi)) {
        *processId = pi.dwProcessId;
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } else {
        result = GetLastError();
    }
    RpcRevertToSelf();
    return result;
}
