// Pay-stub RPC server, "mail my stub" manager routine (FIXED).
//
// PayStub_Mail is the manager routine of this interface (paystub.idl):
//   error_status_t PayStub_Mail([in] handle_t binding, [in, string] const wchar_t *employee,
//                               [in, string] const wchar_t *period,
//                               [in, string] const wchar_t *mailbox);
// It runs the mailer as the caller, stubmail.exe, which appends the stub
// stubs\<employee>\<period>.stub to the caller's mailbox mail\<mailbox>.mbox.
//
// Fixed from rpc-mail-stub-createprocess-buggy.c: while impersonating, the routine turns
// the caller's thread token into a primary token (DuplicateTokenEx, TokenPrimary), reverts,
// and starts the mailer with CreateProcessAsUserW and that token: the mailer runs as the
// caller, and the stub's ACL decides.
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
    HANDLE threadToken = NULL, callerToken = NULL;
    RPC_STATUS status;
    error_status_t result;

    if (!IsValidComponent(employee) || !IsValidComponent(period) || !IsValidComponent(mailbox))
        return ERROR_INVALID_NAME;
    if (FAILED(StringCchPrintfW(commandLine, 2 * MAX_PATH,
                                L"stubmail.exe \"stubs\\%s\\%s.stub\" \"mail\\%s.mbox\"",
                                employee, period, mailbox)))
        return ERROR_INVALID_NAME;

    status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK)
        return status;
    result = ERROR_SUCCESS;
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_DUPLICATE | TOKEN_QUERY, TRUE, &threadToken) ||
        !DuplicateTokenEx(threadToken, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation,
                          TokenPrimary, &callerToken))
        result = GetLastError();
    if (threadToken != NULL)
        CloseHandle(threadToken);
    if (RpcRevertToSelf() != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (result != ERROR_SUCCESS)
        return result;

    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    if (CreateProcessAsUserW(callerToken, NULL, commandLine, NULL, NULL, FALSE, CREATE_NO_WINDOW,
                             NULL, NULL, &si, &pi))
        result = WaitForMailer(&pi);
    else
        result = GetLastError();
    CloseHandle(callerToken);
    return result;
}
