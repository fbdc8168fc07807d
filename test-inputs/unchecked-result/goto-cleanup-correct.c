// RPC manager routine in goto-cleanup style: the RPC_STATUS is stored, a failure jumps
// to the cleanup label, and the cleanup reverts only `if (status == RPC_S_OK)`. The
// failure path reaches the cleanup's CloseHandle, which is no protected operation.
// CORRECT (silent).
#include <windows.h>
#include <rpc.h>

long Svc_ReadHeader(handle_t binding, const wchar_t *path, unsigned char header[64])
{
    RPC_STATUS status;
    HANDLE file = INVALID_HANDLE_VALUE;
    DWORD got = 0;
    long result = ERROR_SUCCESS;

    status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK) {
        result = status;
        goto cleanup;
    }

    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        result = (long)GetLastError();
        goto cleanup;
    }
    if (!ReadFile(file, header, 64, &got, NULL) || got != 64)
        result = ERROR_INVALID_DATA;

cleanup:
    if (file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    if (status == RPC_S_OK)
        RpcRevertToSelf();
    return result;
}
