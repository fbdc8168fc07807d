// A worker thread started with CreateThread impersonates the client named in its
// parameter and returns without reverting. The thread ends when its start routine
// returns, so the token dies with it: not reported by default (ReportThreadExit is off).
// The same code with the option on is thread-start-routine-reported.c. CORRECT (silent
// by default).
#include <windows.h>

typedef struct {
    HANDLE token;
    WCHAR path[MAX_PATH];
    DWORD result;
} WORK_ITEM;

static DWORD WINAPI ClientWorker(LPVOID param)
{
    WORK_ITEM *item = (WORK_ITEM *)param;
    HANDLE file;

    if (!ImpersonateLoggedOnUser(item->token))
        return item->result = GetLastError();

    file = CreateFileW(item->path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return item->result = GetLastError();
    CloseHandle(file);
    return item->result = ERROR_SUCCESS;
}

HANDLE StartClientWorker(WORK_ITEM *item)
{
    return CreateThread(NULL, 0, ClientWorker, item, 0, NULL);
}
