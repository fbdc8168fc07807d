// Backup agent: to read any file the client asks for, the handler calls ImpersonateSelf,
// enables SeBackupPrivilege on that thread token and opens the path with
// FILE_FLAG_BACKUP_SEMANTICS. ImpersonateSelf puts a copy of the SERVICE's token on the
// thread: the thread impersonates, but not the client, and with the backup privilege
// the open bypasses every ACL. Any client reads any file. Decision: no identity note
// (the function never impersonates the client: there is no client begin for "only after
// this" and the access does not follow the end). BUGGY.
#include <windows.h>

typedef struct {
    DWORD flags;
    WCHAR path[MAX_PATH];
} BACKUP_REQUEST;

extern DWORD StreamFile(HANDLE pipe, HANDLE file);

static BOOL EnableThreadPrivilege(LPCWSTR name)
{
    HANDLE token;
    TOKEN_PRIVILEGES tp;
    BOOL ok;

    if (!OpenThreadToken(GetCurrentThread(), TOKEN_ADJUST_PRIVILEGES, FALSE, &token))
        return FALSE;
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    ok = LookupPrivilegeValueW(NULL, name, &tp.Privileges[0].Luid) &&
         AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL) &&
         GetLastError() == ERROR_SUCCESS;
    CloseHandle(token);
    return ok;
}

DWORD BackupFile(HANDLE pipe)
{
    BACKUP_REQUEST req;
    DWORD read = 0, err;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateSelf(SecurityImpersonation))
        return GetLastError();
    if (!EnableThreadPrivilege(L"SeBackupPrivilege")) {
        err = GetLastError();
        RevertToSelf();
        return err;
    }
    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;
    err = StreamFile(pipe, file);
    CloseHandle(file);
    return err;
}
