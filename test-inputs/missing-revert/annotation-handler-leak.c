// IMPERSONATION_HANDLER marks a request handler (its parameters are client data, for
// the access checks). It changes nothing for missing-revert: the handler's own leak --
// the "not found" path returns before RevertToSelf -- is still reported. BUGGY.
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -I%S/../../checks/annotations
#include <windows.h>
#include "impersonation_annotations.h"

typedef struct {
    DWORD employeeId;
    WCHAR stub[64];
} STUB_REQUEST;

IMPERSONATION_HANDLER DWORD HandleStubRequest(HANDLE pipe, const STUB_REQUEST *req,
                                              DWORD *size)
{
    WCHAR path[MAX_PATH];
    WIN32_FILE_ATTRIBUTE_DATA data;

    if (wsprintfW(path, L"D:\\stubs\\%lu\\%ls", (unsigned long)req->employeeId, req->stub) <= 0)
        return ERROR_INVALID_PARAMETER;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'HandleStubRequest' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!GetFileAttributesExW(path, GetFileExInfoStandard, &data)) // CHECK-NOTE: assuming the condition is true
        return ERROR_FILE_NOT_FOUND; // CHECK-NOTE: returns here while still impersonating
    RevertToSelf();
    *size = data.nFileSizeLow;
    return ERROR_SUCCESS;
}
