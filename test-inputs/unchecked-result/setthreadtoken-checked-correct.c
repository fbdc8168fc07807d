// Thread-pool work callback that scans a folder as the client: the pipe handler put a
// duplicated impersonation token in the work item; the callback tests
// SetThreadToken(NULL, token) and records the error and returns when it fails, before
// touching the folder. SetThreadToken(NULL, NULL) clears the token after the scan.
// CORRECT (silent).
#include <windows.h>

typedef struct {
    HANDLE clientToken;
    WCHAR pattern[MAX_PATH];
    DWORD result;
    DWORD count;
} SCAN_WORK;

VOID CALLBACK ScanFolderWork(PTP_CALLBACK_INSTANCE instance, PVOID context, PTP_WORK work)
{
    SCAN_WORK *item = (SCAN_WORK *)context;
    WIN32_FIND_DATAW data;
    HANDLE find;
    (void)instance;
    (void)work;

    item->count = 0;
    if (!SetThreadToken(NULL, item->clientToken)) {
        item->result = GetLastError();
        return;
    }

    find = FindFirstFileW(item->pattern, &data);
    if (find == INVALID_HANDLE_VALUE) {
        item->result = GetLastError();
    } else {
        do {
            item->count++;
        } while (FindNextFileW(find, &data));
        FindClose(find);
        item->result = ERROR_SUCCESS;
    }
    SetThreadToken(NULL, NULL);
}
