// CheckRevertResult: true, and every revert is tested: a guard's destructor ends the
// process when RevertToSelf fails; an RpcRevertToSelf result is stored and tested
// (fail fast); a CoRevertToSelf is tested with FAILED. Nothing is discarded, so the
// option reports nothing; every begin is tested too. CORRECT (silent) under this option.
// RUN-OPTION: impersonation-unchecked-result.CheckRevertResult: true
#include <windows.h>
#include <objbase.h>
#include <rpc.h>
#include <string>

class RevertOnExit {
public:
    RevertOnExit() = default;
    ~RevertOnExit() {
        if (!RevertToSelf())
            ExitProcess(ERROR_CANNOT_IMPERSONATE);
    }
    RevertOnExit(const RevertOnExit &) = delete;
    RevertOnExit &operator=(const RevertOnExit &) = delete;
};

DWORD TouchAsClient(HANDLE pipe, const std::wstring &path)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    RevertOnExit revert;
    if (GetFileAttributesW(path.c_str()) == INVALID_FILE_ATTRIBUTES)
        return GetLastError();
    return ERROR_SUCCESS;
}

long Svc_Remove(handle_t binding, const wchar_t *path)
{
    if (RpcImpersonateClient(binding) != RPC_S_OK)
        return ERROR_ACCESS_DENIED;
    const long result = DeleteFileW(path) ? ERROR_SUCCESS : static_cast<long>(GetLastError());
    const RPC_STATUS reverted = RpcRevertToSelf();
    if (reverted != RPC_S_OK)
        RaiseFailFastException(nullptr, nullptr, 0);
    return result;
}

HRESULT Com_Touch(const wchar_t *path)
{
    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
        hr = HRESULT_FROM_WIN32(GetLastError());
    if (FAILED(CoRevertToSelf()))
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return hr;
}
