// RPC server routine (the body of a MIDL-generated interface function): it checks
// RpcImpersonateClient against RPC_S_OK, then an argument check returns the error code
// directly and leaves the RPC worker thread impersonating the caller. BUGGY.
#include <windows.h>
#include <rpc.h>

#define MAX_QUEUE_NAME 128

extern long EnqueueAsCaller(const wchar_t *queue, const unsigned char *msg, unsigned long len);

long Svc_PostMessage(handle_t binding, const wchar_t *queue, const unsigned char *msg,
                     unsigned long len)
{
    RPC_STATUS status;
    long result;

    status = RpcImpersonateClient(binding); // CHECK-WARNING: impersonation begun by 'RpcImpersonateClient' is still in force when 'Svc_PostMessage' returns [impersonation-missing-revert]
    if (status != RPC_S_OK) // CHECK-NOTE: assuming the condition is false
        return status;

    if (queue == NULL || wcslen(queue) >= MAX_QUEUE_NAME) // CHECK-NOTE: assuming the condition is true
        return ERROR_INVALID_PARAMETER; // CHECK-NOTE: returns here while still impersonating

    result = EnqueueAsCaller(queue, msg, len);
    RpcRevertToSelf();
    return result;
}
