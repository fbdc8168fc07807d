// RPC manager routine with a "guest" fallback: when the binding carries no
// authentication, RpcImpersonateClient fails with RPC_S_BINDING_HAS_NO_AUTH and the
// author maps that to RPC_S_OK to serve "public" files -- but the open then runs with
// the service's own token, for any path an anonymous caller names. Overwriting the
// stored status does not make the begin succeed: the check follows the thread's
// identity, not the variable. Tricky: the test `status != RPC_S_OK` is present and
// correct-looking. BUGGY.
#include <windows.h>
#include <rpc.h>

long Svc_GetFileSize(handle_t binding, const wchar_t *path, unsigned __int64 *size)
{
    RPC_STATUS status;
    HANDLE file;
    LARGE_INTEGER li;
    long result = ERROR_SUCCESS;

    status = RpcImpersonateClient(binding); // CHECK-WARNING: if 'RpcImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (status == RPC_S_BINDING_HAS_NO_AUTH) // CHECK-NOTE: assuming the condition is true
        status = RPC_S_OK; /* unauthenticated callers get the public view */
    if (status != RPC_S_OK) // CHECK-NOTE: assuming the condition is false
        return status;

    file = CreateFileW(path, FILE_READ_ATTRIBUTES, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'RpcImpersonateClient' failed
    if (file == INVALID_HANDLE_VALUE) {
        result = (long)GetLastError();
    } else {
        if (GetFileSizeEx(file, &li))
            *size = (unsigned __int64)li.QuadPart;
        else
            result = (long)GetLastError();
        CloseHandle(file);
    }
    RpcRevertToSelf();
    return result;
}
