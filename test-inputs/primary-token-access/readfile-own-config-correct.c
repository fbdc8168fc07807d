// ReadFile is a receive only on the client's handle. ReloadConfig reads the service's
// configuration through a handle it got from CreateFileW on a fixed path, then creates
// the spool directory and opens the log named in that configuration, with its own token
// and no impersonation anywhere. Nothing here came from a client: a check that treated
// every ReadFile buffer as client data would report both accesses. CORRECT.
#include <windows.h>

typedef struct {
    DWORD version;
    WCHAR spoolDir[MAX_PATH];
    WCHAR logPath[MAX_PATH];
} SVC_CONFIG;

static SVC_CONFIG g_config;
static HANDLE g_log = INVALID_HANDLE_VALUE;

DWORD ReloadConfig(void)
{
    SVC_CONFIG cfg;
    DWORD read = 0;
    HANDLE h = CreateFileW(L"C:\\ProgramData\\SpoolSvc\\spool.cfg", GENERIC_READ, FILE_SHARE_READ,
                           NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ReadFile(h, &cfg, sizeof(cfg), &read, NULL) || read != sizeof(cfg)) {
        CloseHandle(h);
        return ERROR_BAD_FORMAT;
    }
    CloseHandle(h);
    cfg.spoolDir[MAX_PATH - 1] = L'\0';
    cfg.logPath[MAX_PATH - 1] = L'\0';

    if (!CreateDirectoryW(cfg.spoolDir, NULL) && GetLastError() != ERROR_ALREADY_EXISTS)
        return GetLastError();
    if (g_log != INVALID_HANDLE_VALUE)
        CloseHandle(g_log);
    g_log = CreateFileW(cfg.logPath, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    g_config = cfg;
    return ERROR_SUCCESS;
}
