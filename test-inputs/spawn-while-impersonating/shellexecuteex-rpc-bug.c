// RPC diagnostics service: the manager routine impersonates the caller with
// RpcImpersonateClient and runs the diagnostic tool with ShellExecuteExW, passing the
// caller's arguments. ShellExecuteEx starts the tool with the service's primary token.
// The status is tested against RPC_S_OK and RpcRevertToSelf runs on every path after it;
// the caller's arguments are used only while impersonating. BUGGY.
#include <windows.h>
#include <rpc.h>
#include <shellapi.h>

error_status_t s_RunDiagnostic(handle_t binding, const wchar_t *arguments, DWORD *exitCode)
{
    SHELLEXECUTEINFOW sei;
    RPC_STATUS status;
    error_status_t result = ERROR_SUCCESS;

    if (arguments == NULL || exitCode == NULL)
        return ERROR_INVALID_PARAMETER;

    status = RpcImpersonateClient(binding); // CHECK-NOTE: the thread impersonates the client from here
    if (status != RPC_S_OK)
        return status;

    ZeroMemory(&sei, sizeof(sei));
    sei.cbSize = sizeof(sei);
    sei.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_FLAG_NO_UI;
    sei.lpFile = L"C:\\Program Files\\Contoso\\diag.exe";
    sei.lpParameters = arguments;
    sei.nShow = SW_HIDE;
    // CHECK-WARNING@+1: 'ShellExecuteExW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    if (!ShellExecuteExW(&sei)) {
        result = GetLastError();
    } else {
        WaitForSingleObject(sei.hProcess, INFINITE);
        if (!GetExitCodeProcess(sei.hProcess, exitCode))
            result = GetLastError();
        CloseHandle(sei.hProcess);
    }

    RpcRevertToSelf();
    return result;
}
