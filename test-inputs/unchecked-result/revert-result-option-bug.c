// CheckRevertResult: true. A revert whose result is discarded is reported at the revert:
// if RevertToSelf fails, the thread goes on as the client. Reported: a RevertToSelf
// statement, `(void)RevertToSelf()` (a cast to void is still a discarded result) and an
// RpcRevertToSelf statement. Silent: a tested RevertToSelf that ends the process on
// failure, and a tested RpcRevertToSelfEx that fails fast. Every begin is tested.
// BUGGY (3 warnings) under this option.
// RUN-OPTION: impersonation-unchecked-result.CheckRevertResult: true
#include <windows.h>
#include <rpc.h>

DWORD TouchAsClient(HANDLE pipe, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
        err = GetLastError();
    RevertToSelf(); // CHECK-WARNING: the result of 'RevertToSelf' is ignored; if it fails, the thread goes on as the client (terminate the process instead) [impersonation-unchecked-result]
    return err;
}

DWORD ProbeAsClient(HANDLE token, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;
    if (!ImpersonateLoggedOnUser(token))
        return GetLastError();
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
        err = GetLastError();
    (void)RevertToSelf(); // CHECK-WARNING: the result of 'RevertToSelf' is ignored; if it fails, the thread goes on as the client (terminate the process instead) [impersonation-unchecked-result]
    return err;
}

DWORD DeleteAsClient(HANDLE pipe, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!DeleteFileW(path))
        err = GetLastError();
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return err;
}

long Svc_CreateSpoolDir(handle_t binding, const wchar_t *dir)
{
    long result = ERROR_SUCCESS;
    RPC_STATUS status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK)
        return status;
    if (!CreateDirectoryW(dir, NULL))
        result = (long)GetLastError();
    RpcRevertToSelf(); // CHECK-WARNING: the result of 'RpcRevertToSelf' is ignored; if it fails, the thread goes on as the client (terminate the process instead) [impersonation-unchecked-result]
    return result;
}

long Svc_RemoveSpoolDir(handle_t binding, const wchar_t *dir)
{
    long result = ERROR_SUCCESS;
    if (RpcImpersonateClient(binding) != RPC_S_OK)
        return ERROR_ACCESS_DENIED;
    if (!RemoveDirectoryW(dir))
        result = (long)GetLastError();
    if (RpcRevertToSelfEx(binding) != RPC_S_OK)
        RaiseFailFastException(NULL, NULL, 0);
    return result;
}
