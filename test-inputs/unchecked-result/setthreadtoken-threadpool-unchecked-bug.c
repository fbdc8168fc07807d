// Thread-pool work callback: the pipe handler duplicated the client's impersonation
// token into the work item; the callback puts it on the pool thread with
// SetThreadToken(NULL, token) and opens the client's registry hive with
// RegOpenCurrentUser. SetThreadToken's BOOL is discarded: when it fails (the token lacks
// TOKEN_IMPERSONATE, ...) RegOpenCurrentUser opens the SERVICE's hive, and the client
// is answered from the service's settings. SetThreadToken(NULL, NULL) at the end clears
// the token: nothing leaks. BUGGY.
#include <windows.h>

typedef struct {
    HANDLE clientToken;
    WCHAR valueName[64];
    DWORD result;
    DWORD cbData;
    BYTE data[512];
} PREF_WORK;

VOID CALLBACK ReadPreferenceWork(PTP_CALLBACK_INSTANCE instance, PVOID context, PTP_WORK work)
{
    PREF_WORK *item = (PREF_WORK *)context;
    HKEY hive = NULL;
    (void)instance;
    (void)work;

    SetThreadToken(NULL, item->clientToken); // CHECK-WARNING: if 'SetThreadToken' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    item->result = (DWORD)RegOpenCurrentUser(KEY_READ, &hive); // CHECK-NOTE: 'RegOpenCurrentUser' runs here with the service's own token when 'SetThreadToken' failed
    if (item->result == ERROR_SUCCESS) {
        item->cbData = sizeof(item->data);
        item->result = (DWORD)RegGetValueW(hive, L"Software\\Contoso\\Viewer", item->valueName,
                                           RRF_RT_ANY, NULL, item->data, &item->cbData);
        RegCloseKey(hive);
    }
    SetThreadToken(NULL, NULL);
}
