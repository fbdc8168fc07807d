// Discarded revert results under the default options: RevertToSelf(), RpcRevertToSelf()
// and CoRevertToSelf() called as statements, (void)RevertToSelf(). Every begin is tested
// before its access. CheckRevertResult is false by default, so nothing is reported
// (the same code is reported under CheckRevertResult: true, see
// revert-result-option-bug.c). CORRECT (silent).
#include <windows.h>
#include <rpc.h>
#include <objbase.h>

DWORD TouchAsClient(HANDLE pipe, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
        err = GetLastError();
    RevertToSelf();
    return err;
}

DWORD ProbeAsClient(HANDLE token, const WCHAR *path)
{
    DWORD err = ERROR_SUCCESS;
    if (!ImpersonateLoggedOnUser(token))
        return GetLastError();
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
        err = GetLastError();
    (void)RevertToSelf();
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
    RpcRevertToSelf();
    return result;
}

HRESULT Com_RemoveDir(const WCHAR *dir)
{
    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    if (!RemoveDirectoryW(dir))
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}
