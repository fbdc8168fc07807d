// RPC manager routine that switches on RpcImpersonateClient's RPC_STATUS: `case RPC_S_OK`
// goes on, RPC_S_NO_CALL_ACTIVE and the default return an error. Only the success case
// reaches the access. A naive implementation that only understands `if` tests would
// report it. CORRECT (silent).
#include <windows.h>
#include <rpc.h>

long Svc_GetFileInfo(handle_t binding, const wchar_t *path, unsigned long *attributes,
                     unsigned __int64 *size)
{
    WIN32_FILE_ATTRIBUTE_DATA data;
    long result = ERROR_SUCCESS;

    switch (RpcImpersonateClient(binding)) {
    case RPC_S_OK:
        break;
    case RPC_S_NO_CALL_ACTIVE:
        return ERROR_INVALID_FUNCTION;
    default:
        return ERROR_ACCESS_DENIED;
    }

    if (GetFileAttributesExW(path, GetFileExInfoStandard, &data)) {
        *attributes = data.dwFileAttributes;
        *size = ((unsigned __int64)data.nFileSizeHigh << 32) | data.nFileSizeLow;
    } else {
        result = (long)GetLastError();
    }
    RpcRevertToSelf();
    return result;
}
