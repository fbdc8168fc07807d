// RPC server routine that impersonates the binding's client with a direct call in the
// condition, compares with "== RPC_S_OK", and reverts with RpcRevertToSelfEx on the
// same binding on every path (the status of the revert is checked; a failed revert
// ends the process rather than leaving the thread as the client). CORRECT.
#include <windows.h>
#include <rpc.h>
#include <stdlib.h>

extern long ReadJournalAsCaller(unsigned long id, unsigned char *out, unsigned long *len);

static void RevertOrDie(handle_t binding)
{
    if (RpcRevertToSelfEx(binding) != RPC_S_OK)
        abort();
}

long Svc_ReadJournal(handle_t binding, unsigned long id, unsigned char *out,
                     unsigned long *len)
{
    long result;

    if (out == NULL || len == NULL)
        return ERROR_INVALID_PARAMETER;

    if (RpcImpersonateClient(binding) == RPC_S_OK) {
        if (*len == 0) {
            RevertOrDie(binding);
            return ERROR_INSUFFICIENT_BUFFER;
        }
        result = ReadJournalAsCaller(id, out, len);
        RevertOrDie(binding);
    } else {
        result = ERROR_ACCESS_DENIED;
    }
    return result;
}
