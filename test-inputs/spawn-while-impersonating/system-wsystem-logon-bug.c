// Task-runner service: a scheduled task carries the token of the user who created it
// (LogonUserW at registration). The runner impersonates that user with
// ImpersonateLoggedOnUser and runs the task's script through the C runtime's system() or
// _wsystem(). Both start cmd.exe with the service's primary token: every user's script
// runs as LocalSystem. Both handlers test the begin and revert on every path.
// BUGGY (2 warnings).
#include <windows.h>
#include <stdlib.h>

typedef struct {
    HANDLE userToken;
    char scriptA[MAX_PATH];
    wchar_t scriptW[MAX_PATH];
    int exitCode;
} SCHEDULED_TASK;

DWORD RunLegacyTask(SCHEDULED_TASK *task)
{
    if (!ImpersonateLoggedOnUser(task->userToken)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    task->exitCode = system(task->scriptA); // CHECK-WARNING: 'system' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    RevertToSelf();
    return task->exitCode == -1 ? ERROR_FILE_NOT_FOUND : ERROR_SUCCESS;
}

DWORD RunTask(SCHEDULED_TASK *task)
{
    DWORD err = ERROR_SUCCESS;

    if (task->scriptW[0] == L'\0')
        return ERROR_INVALID_PARAMETER;
    if (!ImpersonateLoggedOnUser(task->userToken)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    task->exitCode = _wsystem(task->scriptW); // CHECK-WARNING: '_wsystem' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    if (task->exitCode == -1)
        err = ERROR_FILE_NOT_FOUND;
    RevertToSelf();
    return err;
}
