// Payroll document RPC server, manager routine (FIXED).
//
// Payroll_ReadDocument is the manager routine of this interface (payroll.idl):
//   error_status_t Payroll_ReadDocument([in] handle_t binding, [in, string] const wchar_t *path,
//                                       [out, size_is(size), length_is(*length)] byte *data,
//                                       [in] unsigned long size, [out] unsigned long *length);
// Payroll clients read pay stubs and tax forms by their path below the payroll share
// (stubs\<employee>\<period>.stub, ...). The routine impersonates the caller and opens the
// document as the caller, so the document's ACL decides who reads it.
//
// Fixed from rpc-payroll-document-inverted-test-buggy.c: the status is compared with
// RPC_S_OK, so a failed impersonation ends the call with its status before the document is
// opened, and a successful one reads the document as the caller and reverts.
#include <windows.h>
#include <rpc.h>

#define MAX_PATH_CHARS 64

/* A path below the share: relative, no drive, no "..". */
static BOOL IsSharePath(const wchar_t *path)
{
    size_t i;
    if (path[0] == L'\0' || path[0] == L'\\' || path[0] == L'/')
        return FALSE;
    for (i = 0; i < MAX_PATH_CHARS && path[i] != L'\0'; i++) {
        if (path[i] == L':' || (path[i] == L'.' && path[i + 1] == L'.'))
            return FALSE;
    }
    return i < MAX_PATH_CHARS;
}

error_status_t Payroll_ReadDocument(handle_t binding, const wchar_t *path, BYTE *data,
                                    DWORD size, DWORD *length)
{
    HANDLE file;
    RPC_STATUS status;
    error_status_t result = ERROR_SUCCESS;

    *length = 0;
    if (!IsSharePath(path))
        return ERROR_INVALID_NAME;

    /* Read the document as the caller. */
    status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK) {
        result = (error_status_t)status;
        goto done;
    }
    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        result = GetLastError();
    } else {
        if (!ReadFile(file, data, size, length, NULL))
            result = GetLastError();
        CloseHandle(file);
    }
    RpcRevertToSelf();
done:
    return result;
}
