// Spooler-style job cleanup: the finished job's file is archived with MoveFileExW. The
// source path is built with wcscpy/wcscat from the service's spool directory (a global)
// and the job name the client sent; the archive target is the service's own directory
// and a counter. The move runs after the revert, as the service: the client's job name
// ("..\\..\\Windows\\System32\\drivers\\x.sys") moves any file the service may move.
// One warning for the call, on the client-named source; the target is not client data.
// BUGGY.
#include <windows.h>
#include <wchar.h>
#include <stdio.h>

typedef struct {
    DWORD jobId;
    WCHAR jobName[64];
} JOB_DONE;

static WCHAR g_spoolDir[MAX_PATH] = L"C:\\ProgramData\\PrintSvc\\Spool";
static LONG g_archived;

DWORD CompleteJob(HANDLE pipe)
{
    JOB_DONE msg;
    WCHAR source[MAX_PATH + 80], target[MAX_PATH + 32];
    DWORD read = 0;

    if (!ReadFile(pipe, &msg, sizeof(msg), &read, NULL) || read != sizeof(msg)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    msg.jobName[63] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    /* ... the client's job is rendered here, as the client ... */
    RevertToSelf(); // CHECK-NOTE: impersonation ends here

    wcscpy(source, g_spoolDir);
    wcscat(source, L"\\");
    wcscat(source, msg.jobName);
    _snwprintf(target, MAX_PATH + 32, L"C:\\ProgramData\\PrintSvc\\Archive\\%ld.spl",
               InterlockedIncrement(&g_archived));
    target[MAX_PATH + 31] = L'\0';

    // CHECK-WARNING@+1: 'MoveFileExW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (!MoveFileExW(source, target, MOVEFILE_REPLACE_EXISTING))
        return GetLastError();
    return ERROR_SUCCESS;
}
