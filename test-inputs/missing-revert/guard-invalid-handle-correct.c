// User-mode file system (C): with the "impersonate caller" option on, CreateEntry takes
// the requestor's token from the driver and opens the backing file as that user. The
// begin and the revert are each guarded by `g_asCaller && token != INVALID_HANDLE_VALUE`,
// the same test written twice; between them the handler traces every flag of the request
// (forty tests of `flags & X` that decide nothing). The second test is decided by the
// first: the revert runs exactly when the begin did. CORRECT.
#include <windows.h>

#define TRACE_FLAG(v, f) do { if ((v) & (f)) OutputDebugStringW(L"  " L## #f L"\n"); } while (0)

extern BOOL g_asCaller;
HANDLE FsOpenRequestorToken(void *request); /* driver call; INVALID_HANDLE_VALUE on failure */

NTSTATUS FsStatusFromWin32(DWORD err);

NTSTATUS CreateEntry(void *request, const WCHAR *path, DWORD access, DWORD share,
                     DWORD disposition, DWORD flags, HANDLE *out)
{
    HANDLE token = INVALID_HANDLE_VALUE;
    HANDLE file;
    NTSTATUS status = 0;

    TRACE_FLAG(share, FILE_SHARE_READ);
    TRACE_FLAG(share, FILE_SHARE_WRITE);
    TRACE_FLAG(share, FILE_SHARE_DELETE);
    TRACE_FLAG(access, GENERIC_READ);
    TRACE_FLAG(access, GENERIC_WRITE);
    TRACE_FLAG(access, GENERIC_EXECUTE);
    TRACE_FLAG(access, DELETE);
    TRACE_FLAG(access, FILE_READ_DATA);
    TRACE_FLAG(access, FILE_READ_ATTRIBUTES);
    TRACE_FLAG(access, FILE_READ_EA);
    TRACE_FLAG(access, READ_CONTROL);
    TRACE_FLAG(access, FILE_WRITE_DATA);
    TRACE_FLAG(access, FILE_WRITE_ATTRIBUTES);
    TRACE_FLAG(access, FILE_WRITE_EA);
    TRACE_FLAG(access, FILE_APPEND_DATA);
    TRACE_FLAG(access, WRITE_DAC);
    TRACE_FLAG(access, WRITE_OWNER);
    TRACE_FLAG(access, SYNCHRONIZE);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_ARCHIVE);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_COMPRESSED);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_DIRECTORY);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_ENCRYPTED);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_HIDDEN);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_NORMAL);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_OFFLINE);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_READONLY);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_SYSTEM);
    TRACE_FLAG(flags, FILE_ATTRIBUTE_TEMPORARY);
    TRACE_FLAG(flags, FILE_FLAG_WRITE_THROUGH);
    TRACE_FLAG(flags, FILE_FLAG_OVERLAPPED);
    TRACE_FLAG(flags, FILE_FLAG_NO_BUFFERING);
    TRACE_FLAG(flags, FILE_FLAG_RANDOM_ACCESS);
    TRACE_FLAG(flags, FILE_FLAG_SEQUENTIAL_SCAN);
    TRACE_FLAG(flags, FILE_FLAG_DELETE_ON_CLOSE);
    TRACE_FLAG(flags, FILE_FLAG_BACKUP_SEMANTICS);
    TRACE_FLAG(flags, FILE_FLAG_POSIX_SEMANTICS);
    TRACE_FLAG(flags, FILE_FLAG_OPEN_REPARSE_POINT);
    TRACE_FLAG(flags, SECURITY_IDENTIFICATION);
    TRACE_FLAG(flags, SECURITY_IMPERSONATION);
    TRACE_FLAG(flags, SECURITY_SQOS_PRESENT);

    if (g_asCaller) {
        token = FsOpenRequestorToken(request);
        if (token == INVALID_HANDLE_VALUE)
            OutputDebugStringW(L"  no requestor token\n");
    }

    if (g_asCaller && token != INVALID_HANDLE_VALUE) {
        if (!ImpersonateLoggedOnUser(token)) {
            CloseHandle(token);
            return FsStatusFromWin32(GetLastError());
        }
    }

    file = CreateFileW(path, access, share, NULL, disposition, flags, NULL);

    if (g_asCaller && token != INVALID_HANDLE_VALUE) {
        DWORD saved = GetLastError();
        CloseHandle(token);
        RevertToSelf();
        SetLastError(saved);
    }

    if (file == INVALID_HANDLE_VALUE)
        return FsStatusFromWin32(GetLastError());
    *out = file;
    return status;
}
