// RPC manager routine (first parameter RPC_BINDING_HANDLE) whose client-supplied path is
// opened only while RpcImpersonateClient is in force; after RpcRevertToSelfEx the routine
// works on the open handle and writes its own journal (a fixed path). The client's
// parameters are client data, but every access naming them is made as the client.
// CORRECT.
#include <windows.h>
#include <rpc.h>

extern long HashFile(HANDLE file, unsigned char *digest, unsigned long cb);

long Svc_HashFile(RPC_BINDING_HANDLE binding, const wchar_t *path, unsigned char *digest,
                  unsigned long cb)
{
    HANDLE file, journal;
    long result;
    DWORD written = 0;

    if (path == NULL || digest == NULL)
        return ERROR_INVALID_PARAMETER;
    if (RpcImpersonateClient(binding) != RPC_S_OK)
        return ERROR_ACCESS_DENIED;
    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_FLAG_SEQUENTIAL_SCAN, NULL);
    result = file == INVALID_HANDLE_VALUE ? (long)GetLastError() : ERROR_SUCCESS;
    if (RpcRevertToSelfEx(binding) != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (result != ERROR_SUCCESS)
        return result;

    result = HashFile(file, digest, cb);
    CloseHandle(file);

    journal = CreateFileW(L"C:\\ProgramData\\HashSvc\\journal.bin", FILE_APPEND_DATA,
                          FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (journal != INVALID_HANDLE_VALUE) {
        WriteFile(journal, &result, sizeof(result), &written, NULL);
        CloseHandle(journal);
    }
    return result;
}
