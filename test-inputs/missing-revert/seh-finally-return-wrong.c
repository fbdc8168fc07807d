// __try/__finally where the __finally only frees the buffer; the early "return" inside
// the __try runs the __finally but nothing there reverts: the RPC thread goes back to
// the runtime impersonating its last caller. BUGGY.
#include <windows.h>
#include <rpc.h>

extern long FillReport(unsigned char *buf, unsigned long cb, unsigned long *used);

long Svc_GetReport(handle_t binding, unsigned char **out, unsigned long *outLen)
{
    unsigned char *buf = NULL;
    unsigned long used = 0;
    long status;

    // CHECK-WARNING@+2: impersonation begun by 'RpcImpersonateClient' is still in force when 'Svc_GetReport' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (RpcImpersonateClient(binding) != RPC_S_OK)
        return ERROR_ACCESS_DENIED;

    __try {
        buf = (unsigned char *)HeapAlloc(GetProcessHeap(), 0, 4096);
        if (buf == NULL) // CHECK-NOTE: assuming the condition is true
            return ERROR_OUTOFMEMORY; // CHECK-NOTE: returns here while still impersonating
        status = FillReport(buf, 4096, &used);
        RpcRevertToSelf();
        if (status == ERROR_SUCCESS) {
            *out = buf;
            *outLen = used;
            buf = NULL;
        }
    } __finally {
        if (buf != NULL) // CHECK-NOTE: assuming the condition is false
            HeapFree(GetProcessHeap(), 0, buf);
    }
    return status;
}
