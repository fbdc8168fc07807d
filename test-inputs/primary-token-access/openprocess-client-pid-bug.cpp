// Task-control service: a user asks to end one of their processes by pid. The service
// impersonates to read the caller's session, reverts, compares it with the target's
// session and opens the process with PROCESS_TERMINATE as itself. The pid is the
// client's (OpenProcess's object name is its pid): elevated processes and other users'
// processes in the same session, even csrss/winlogon of that session, can be ended with
// the service's rights. The session comparison is no access check. BUGGY.
#include <windows.h>

struct EndTaskRequest {
    DWORD pid;
    DWORD exitCode;
};

bool GetCallerSessionId(DWORD *session);

DWORD EndTask(HANDLE pipe)
{
    EndTaskRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof req, &read, nullptr) || read != sizeof req) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    DWORD callerSession = 0;
    bool known = GetCallerSessionId(&callerSession);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    DWORD targetSession = 0;
    if (!known || !ProcessIdToSessionId(req.pid, &targetSession) || targetSession != callerSession)
        return ERROR_ACCESS_DENIED;

    // CHECK-WARNING@+1: 'OpenProcess' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    HANDLE process = OpenProcess(PROCESS_TERMINATE, FALSE, req.pid);
    if (process == nullptr)
        return GetLastError();
    DWORD err = TerminateProcess(process, req.exitCode) ? ERROR_SUCCESS : GetLastError();
    CloseHandle(process);
    return err;
}
