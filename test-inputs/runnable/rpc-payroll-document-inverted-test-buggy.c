// Payroll document RPC server, manager routine (BUGGY).
//
// Payroll_ReadDocument is the manager routine of this interface (payroll.idl):
//   error_status_t Payroll_ReadDocument([in] handle_t binding, [in, string] const wchar_t *path,
//                                       [out, size_is(size), length_is(*length)] byte *data,
//                                       [in] unsigned long size, [out] unsigned long *length);
// Payroll clients read pay stubs and tax forms by their path below the payroll share
// (stubs\<employee>\<period>.stub, ...). The routine impersonates the caller and opens the
// document as the caller, so the document's ACL decides who reads it.
//
// The bug: the routine was ported from the service's named-pipe version, where the test
// was `if (!ImpersonateNamedPipeClient(pipe))` on a BOOL that is TRUE on success.
// RpcImpersonateClient returns an RPC_STATUS, RPC_S_OK (0) on success, and the test was
// kept, so it is inverted. When the impersonation succeeds the routine refuses the call
// and returns still impersonating (the RPC runtime does not revert for it: the RPC thread
// stays the caller). When it fails, as for a caller that binds without authentication and
// brings no identity (RPC_S_NO_CONTEXT_AVAILABLE), the routine opens the document with the
// service's own token and then reverts an impersonation it never began: anyone reads
// anyone's pay stub. The fixed version is rpc-payroll-document-inverted-test-fixed.c.
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
    error_status_t result = ERROR_SUCCESS;

    *length = 0;
    if (!IsSharePath(path))
        return ERROR_INVALID_NAME;

    /* Read the document as the caller. BUG: kept from the pipe version, where the call
     * returned a BOOL. */
    // CHECK-WARNING@+4: if 'RpcImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+3: assuming the condition is false
    // CHECK-WARNING@+2: impersonation begun by 'RpcImpersonateClient' is still in force when 'Payroll_ReadDocument' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is true
    if (!RpcImpersonateClient(binding)) {
        result = ERROR_CANNOT_IMPERSONATE;
        goto done;
    }
    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'RpcImpersonateClient' failed
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
    return result; // CHECK-NOTE: returns here while still impersonating
}
