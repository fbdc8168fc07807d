// The thread routine of thread-start-routine-default.c, started with _beginthreadex,
// under ReportThreadExit: true -- a team that wants every thread to end on its own
// token. BUGGY under this option.
// RUN-OPTION: impersonation-missing-revert.ReportThreadExit: true
#include <windows.h>
#include <process.h>

typedef struct {
    HANDLE token;
    WCHAR path[MAX_PATH];
    DWORD result;
} WORK_ITEM;

static unsigned __stdcall ClientWorker(void *param)
{
    WORK_ITEM *item = (WORK_ITEM *)param;
    HANDLE file;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateLoggedOnUser' is still in force when 'ClientWorker' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateLoggedOnUser(item->token))
        return item->result = GetLastError();

    file = CreateFileW(item->path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is true
        return item->result = GetLastError(); // CHECK-NOTE: returns here while still impersonating
    CloseHandle(file);
    return item->result = ERROR_SUCCESS; // CHECK-NOTE: returns here while still impersonating
}

HANDLE StartClientWorker(WORK_ITEM *item)
{
    return (HANDLE)_beginthreadex(NULL, 0, ClientWorker, item, 0, NULL);
}
