// Backup restore service: the client names a folder below the staging area; the service
// creates it with its own token before impersonating, then writes the restored file into
// it as the client. PathCombineW does not confine the result: an absolute folder name
// ("C:\\Windows\\System32\\Tasks\\x") or ".." segments make the service create
// directories wherever it may. The directory name is derived from the request, so the
// creation is reported; the write as the client is fine. BUGGY.
#include <windows.h>
#include <shlwapi.h>

typedef struct {
    WCHAR folder[MAX_PATH];
    WCHAR fileName[64];
    DWORD size;
} RESTORE_REQUEST;

extern DWORD CopyBackupStream(HANDLE pipe, HANDLE file, DWORD size);

DWORD RestoreToStaging(HANDLE pipe)
{
    RESTORE_REQUEST req;
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    DWORD read = 0, err;
    HANDLE file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.folder[MAX_PATH - 1] = L'\0';
    req.fileName[63] = L'\0';

    if (!PathCombineW(dir, L"C:\\ProgramData\\BackupSvc\\Staging", req.folder))
        return ERROR_INVALID_NAME;
    // CHECK-WARNING@+1: 'CreateDirectoryW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (!CreateDirectoryW(dir, NULL) && GetLastError() != ERROR_ALREADY_EXISTS)
        return GetLastError();

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the client is impersonated only after this, here
        return GetLastError();
    if (!PathCombineW(path, dir, req.fileName)) {
        err = ERROR_INVALID_NAME;
    } else {
        file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        if (file == INVALID_HANDLE_VALUE) {
            err = GetLastError();
        } else {
            err = CopyBackupStream(pipe, file, req.size);
            CloseHandle(file);
        }
    }
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return err;
}
