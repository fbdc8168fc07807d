// Pay-stub RPC server, "mail my stub" manager routine (BUGGY).
//
// PayStub_Mail is the manager routine of this interface (paystub.idl):
//   error_status_t PayStub_Mail([in] handle_t binding, [in, string] const wchar_t *employee,
//                               [in, string] const wchar_t *period,
//                               [in, string] const wchar_t *mailbox);
// It impersonates the caller and runs the mailer, stubmail.exe, which appends the stub
// stubs\<employee>\<period>.stub to the caller's mailbox mail\<mailbox>.mbox.
//
// The bug: the mailer is started with CreateProcessW while the thread impersonates the
// caller. A new process gets the process's primary token, not the thread's: the mailer
// runs as the service and mails any stub to anyone. The fixed version is
// rpc-mail-stub-createprocess-fixed.c.
#include <windows.h>
#include <rpc.h>
#include <strsafe.h>

#define MAX_NAME 16
#define MAIL_TIMEOUT_MS 10000

static BOOL IsValidComponent(const wchar_t *name)
{
    size_t i;
    for (i = 0; i < MAX_NAME && name[i] != L'\0'; i++) {
        wchar_t c = name[i];
        if (c == L'\\' || c == L'/' || c == L':' || c == L'"' ||
            (c == L'.' && name[i + 1] == L'.'))
            return FALSE;
    }
    return i > 0 && i < MAX_NAME;
}

static DWORD WaitForMailer(PROCESS_INFORMATION *pi)
{
    DWORD exitCode = 1;
    if (WaitForSingleObject(pi->hProcess, MAIL_TIMEOUT_MS) != WAIT_OBJECT_0 ||
        !GetExitCodeProcess(pi->hProcess, &exitCode))
        exitCode = 1;
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
    return exitCode == 0 ? ERROR_SUCCESS : ERROR_ACCESS_DENIED;
}

error_status_t PayStub_Mail(handle_t binding, const wchar_t *employee, const wchar_t *period,
                            const wchar_t *mailbox)
{
    WCHAR commandLine[2 * MAX_PATH];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    RPC_STATUS status;
    error_status_t result;

    if (!IsValidComponent(employee) || !IsValidComponent(period) || !IsValidComponent(mailbox))
        return ERROR_INVALID_NAME;
    if (FAILED(StringCchPrintfW(commandLine, 2 * MAX_PATH,
                                L"stubmail.exe \"stubs\\%s\\%s.stub\" \"mail\\%s.mbox\"",
                                employee, period, mailbox)))
        return ERROR_INVALID_NAME;

    status = RpcImpersonateClient(binding); // CHECK-NOTE: the thread impersonates the client from here
    if (status != RPC_S_OK)
        return status;
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    /* BUG: the mailer runs with the service's token. */
    if (CreateProcessW(NULL, commandLine, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, // CHECK-WARNING: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
                       &pi))
        result = WaitForMailer(&pi);
    else
        result = GetLastError();
    if (RpcRevertToSelf() != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return result;
}
