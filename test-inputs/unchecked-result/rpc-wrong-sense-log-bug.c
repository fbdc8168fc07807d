// RPC manager routine: RpcImpersonateClient returns an RPC_STATUS, RPC_S_OK (0) on
// success, but the author tested it like a BOOL: `if (!status)` logs "failed" exactly
// when the call SUCCEEDED, and on a real failure (status != 0) nothing happens and the
// journal the client named is read with the service's token. Because the success path
// works, tests never show it. The revert at the end is unconditional, so nothing
// leaks. BUGGY.
#include <windows.h>
#include <rpc.h>

extern void LogWarning(const wchar_t *text, long code);

long Svc_ReadJournal(handle_t binding, const wchar_t *journal, unsigned char *buffer,
                     unsigned long size, unsigned long *got)
{
    RPC_STATUS status;
    HANDLE file;
    DWORD read = 0;
    long result = ERROR_SUCCESS;

    status = RpcImpersonateClient(binding); // CHECK-WARNING: if 'RpcImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (!status) // CHECK-NOTE: assuming the condition is false
        LogWarning(L"RpcImpersonateClient failed", status);

    file = CreateFileW(journal, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'RpcImpersonateClient' failed
    if (file == INVALID_HANDLE_VALUE) {
        result = (long)GetLastError();
    } else {
        if (!ReadFile(file, buffer, size, &read, NULL))
            result = (long)GetLastError();
        *got = read;
        CloseHandle(file);
    }
    RpcRevertToSelf();
    return result;
}
