// Pipe handler that folds the begin and a quota check into one "||" condition. When the
// begin succeeds but the quota check fails, the error path returns still impersonating:
// the author read "if any of these fails, bail out" and forgot which ones succeeded.
// BUGGY.
#include <windows.h>

typedef struct {
    DWORD bytes;
    WCHAR path[MAX_PATH];
} UPLOAD;

extern BOOL QuotaAllows(DWORD bytes);

DWORD AcceptUpload(HANDLE pipe, const UPLOAD *up, const void *data)
{
    HANDLE file;
    DWORD written = 0;

    // CHECK-WARNING@+3: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'AcceptUpload' returns [impersonation-missing-revert]
    // CHECK-NOTE@+2: assuming the condition is false
    // CHECK-NOTE@+1: assuming the condition is true
    if (!ImpersonateNamedPipeClient(pipe) || !QuotaAllows(up->bytes))
        return ERROR_ACCESS_DENIED; // CHECK-NOTE: returns here while still impersonating

    file = CreateFileW(up->path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    if (file != INVALID_HANDLE_VALUE) {
        WriteFile(file, data, up->bytes, &written, NULL);
        CloseHandle(file);
    }
    RevertToSelf();
    return written == up->bytes ? ERROR_SUCCESS : ERROR_WRITE_FAULT;
}
