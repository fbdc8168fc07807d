// CheckRevertResult: true, C++: a discarded CoRevertToSelf and a discarded
// RevertSecurityContext are reported at the revert; a RevertSecurityContext tested
// against SEC_E_OK that ends the process on failure is silent. (IServerSecurity's
// RevertToSelf is not in the option's list.) The begins are tested with FAILED and
// != SEC_E_OK. BUGGY (2 warnings) under this option.
// RUN-OPTION: impersonation-unchecked-result.CheckRevertResult: true
#include <windows.h>
#include <objbase.h>
#define SECURITY_WIN32
#include <sspi.h>

class QuotaService {
public:
    HRESULT ResetQuota(const wchar_t *folder);
};

HRESULT QuotaService::ResetQuota(const wchar_t *folder)
{
    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    if (!SetFileAttributesW(folder, FILE_ATTRIBUTE_NORMAL))
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf(); // CHECK-WARNING: the result of 'CoRevertToSelf' is ignored; if it fails, the thread goes on as the client (terminate the process instead) [impersonation-unchecked-result]
    return hr;
}

DWORD StatForPeer(CtxtHandle *context, const wchar_t *path, DWORD *attributes)
{
    if (ImpersonateSecurityContext(context) != SEC_E_OK)
        return ERROR_ACCESS_DENIED;
    *attributes = GetFileAttributesW(path);
    DWORD err = *attributes == INVALID_FILE_ATTRIBUTES ? GetLastError() : ERROR_SUCCESS;
    RevertSecurityContext(context); // CHECK-WARNING: the result of 'RevertSecurityContext' is ignored; if it fails, the thread goes on as the client (terminate the process instead) [impersonation-unchecked-result]
    return err;
}

DWORD DeleteForPeer(CtxtHandle *context, const wchar_t *path)
{
    SECURITY_STATUS ss = ImpersonateSecurityContext(context);
    if (ss != SEC_E_OK)
        return ERROR_ACCESS_DENIED;
    DWORD err = DeleteFileW(path) ? ERROR_SUCCESS : GetLastError();
    if (RevertSecurityContext(context) != SEC_E_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return err;
}
