// The decision to act as the client is held in one variable (useClient) and the token
// in another (h = useClient ? token : NULL). The begin is guarded by the handle, the
// revert by the boolean: two variables, one condition. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE token;
    BOOL runAsCaller;
    WCHAR script[MAX_PATH];
} TASK;

extern DWORD ExecuteScript(const WCHAR *script);

DWORD RunTask(const TASK *task)
{
    BOOL useClient = task->runAsCaller && task->token != NULL;
    HANDLE h = useClient ? task->token : NULL;
    DWORD result;

    if (h) {
        if (!ImpersonateLoggedOnUser(h))
            return GetLastError();
    }

    result = ExecuteScript(task->script);

    if (useClient)
        RevertToSelf();
    return result;
}
