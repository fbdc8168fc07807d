// The revert helper lives in another translation unit and is annotated IMPERSONATION_END
// in its header; the begin is the real RpcImpersonateClient. Every path after a
// successful begin calls the annotated helper. CORRECT.
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -I%S/../../checks/annotations
#include <windows.h>
#include <rpc.h>
#include "impersonation_annotations.h"

/* rpc_identity.h */
IMPERSONATION_END void RpcIdentityRestore(handle_t binding);

extern long WriteSpoolEntry(const wchar_t *queue, const unsigned char *data, unsigned long len);

long Svc_Spool(handle_t binding, const wchar_t *queue, const unsigned char *data,
               unsigned long len)
{
    long result;

    if (RpcImpersonateClient(binding) != RPC_S_OK)
        return ERROR_ACCESS_DENIED;
    if (len == 0 || data == NULL) {
        RpcIdentityRestore(binding);
        return ERROR_INVALID_PARAMETER;
    }
    result = WriteSpoolEntry(queue, data, len);
    RpcIdentityRestore(binding);
    return result;
}
