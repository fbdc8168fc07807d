// MIDL-era RPC server code written with the rpc.h macros RpcTryFinally / RpcFinally /
// RpcEndFinally (they expand to __try/__finally) and RpcTryExcept around the call into
// a helper that may raise. The revert sits in the RpcFinally block and runs on the early
// return as well. CORRECT.
#include <windows.h>
#include <rpc.h>

extern long ScanQueueAsCaller(const wchar_t *queue, unsigned long *count);

long Svc_CountMessages(handle_t binding, const wchar_t *queue, unsigned long *count)
{
    long status;

    if (count == NULL)
        return ERROR_INVALID_PARAMETER;
    status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK)
        return status;

    RpcTryFinally
    {
        if (queue == NULL || queue[0] == L'\0')
            return ERROR_INVALID_NAME;
        RpcTryExcept
        {
            status = ScanQueueAsCaller(queue, count);
        }
        RpcExcept(RpcExceptionCode() == STATUS_ACCESS_VIOLATION)
        {
            status = ERROR_INVALID_USER_BUFFER;
        }
        RpcEndExcept
    }
    RpcFinally
    {
        RpcRevertToSelf();
    }
    RpcEndFinally

    return status;
}
