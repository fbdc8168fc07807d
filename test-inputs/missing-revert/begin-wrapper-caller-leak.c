// A begin-wrapper: BeginClient impersonates, logs failures with OutputDebugString and
// returns the result, with no revert -- by design, the caller reverts. The wrapper is
// not reported; its caller is, at the call, because one path returns without reverting.
// BUGGY (the caller).
#include <windows.h>

static BOOL BeginClient(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe)) {
        DWORD err = GetLastError();
        OutputDebugStringW(L"svc: ImpersonateNamedPipeClient failed\n");
        SetLastError(err);
        return FALSE;
    }
    return TRUE;
}

static void EndClient(void)
{
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
}

DWORD QueryClientFile(HANDLE pipe, const WCHAR *path, LARGE_INTEGER *size)
{
    HANDLE file;

    // CHECK-WARNING@+2: impersonation begun by the call to 'BeginClient' is still in force when 'QueryClientFile' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!BeginClient(pipe))
        return GetLastError();

    file = CreateFileW(path, FILE_READ_ATTRIBUTES, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is true
        return GetLastError(); // CHECK-NOTE: returns here while still impersonating

    if (!GetFileSizeEx(file, size)) {
        CloseHandle(file);
        EndClient();
        return GetLastError();
    }
    CloseHandle(file);
    EndClient();
    return ERROR_SUCCESS;
}

DWORD DeleteClientFile(HANDLE pipe, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;

    if (!BeginClient(pipe))
        return GetLastError();
    if (!DeleteFileW(path))
        err = GetLastError();
    EndClient();
    return err;
}
