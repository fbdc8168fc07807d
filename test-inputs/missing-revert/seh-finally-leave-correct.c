// __try/__finally with __leave: the body leaves the guarded section early on errors and
// the __finally reverts only if the begin inside the __try succeeded (a local flag).
// CORRECT.
#include <windows.h>
#include <rpc.h>

extern long StoreBlobAsCaller(const wchar_t *name, const unsigned char *data, unsigned long len);

long Svc_StoreBlob(handle_t binding, const wchar_t *name, const unsigned char *data,
                   unsigned long len)
{
    long result = ERROR_SUCCESS;
    BOOL impersonating = FALSE;

    __try {
        if (name == NULL || data == NULL) {
            result = ERROR_INVALID_PARAMETER;
            __leave;
        }
        result = RpcImpersonateClient(binding);
        if (result != RPC_S_OK)
            __leave;
        impersonating = TRUE;
        if (len > 1024 * 1024) {
            result = ERROR_FILE_TOO_LARGE;
            __leave;
        }
        result = StoreBlobAsCaller(name, data, len);
    } __finally {
        if (impersonating)
            RpcRevertToSelf();
    }
    return result;
}
