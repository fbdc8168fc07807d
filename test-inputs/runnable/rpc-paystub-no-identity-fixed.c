// Pay-stub RPC server, manager routine (FIXED).
//
// PayStub_Get is the manager routine of this interface (paystub.idl):
//   error_status_t PayStub_Get([in] handle_t binding, [in, string] const wchar_t *employee,
//                              [in, string] const wchar_t *period,
//                              [out, size_is(size), length_is(*length)] byte *stub,
//                              [in] unsigned long size, [out] unsigned long *length);
// The RPC runtime calls it for each call; it impersonates the caller, opens
// stubs\<employee>\<period>.stub as the caller, so the stub's ACL decides, and returns it.
//
// Fixed from rpc-paystub-no-identity-buggy.c: when RpcImpersonateClient fails the routine
// records the failure in the service's error log and returns its status, so a caller
// without an identity gets an error, never a file opened with the service's token.
#include <windows.h>
#include <rpc.h>
#include <strsafe.h>

#define MAX_NAME 16

static BOOL IsValidComponent(const wchar_t *name)
{
    size_t i;
    for (i = 0; i < MAX_NAME && name[i] != L'\0'; i++) {
        wchar_t c = name[i];
        if (c == L'\\' || c == L'/' || c == L':' || (c == L'.' && name[i + 1] == L'.'))
            return FALSE;
    }
    return i > 0 && i < MAX_NAME;
}

/* Records a refused call in the service's own error log (as the service). */
static void LogRefusal(DWORD error)
{
    DWORD written = 0;
    HANDLE log = CreateFileW(L"C:\\ProgramData\\PayStub\\errors.log", FILE_APPEND_DATA,
                             FILE_SHARE_READ, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (log == INVALID_HANDLE_VALUE)
        return;
    WriteFile(log, &error, sizeof(error), &written, NULL);
    CloseHandle(log);
}

error_status_t PayStub_Get(handle_t binding, const wchar_t *employee, const wchar_t *period,
                           BYTE *stub, DWORD size, DWORD *length)
{
    WCHAR path[MAX_PATH];
    RPC_STATUS status;
    HANDLE file;
    error_status_t result = ERROR_SUCCESS;

    *length = 0;
    if (!IsValidComponent(employee) || !IsValidComponent(period))
        return ERROR_INVALID_NAME;
    if (FAILED(StringCchPrintfW(path, MAX_PATH, L"stubs\\%s\\%s.stub", employee, period)))
        return ERROR_INVALID_NAME;

    status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK) {
        LogRefusal((DWORD)status);
        return status;
    }

    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        result = GetLastError();
    } else {
        if (!ReadFile(file, stub, size, length, NULL))
            result = GetLastError();
        CloseHandle(file);
    }

    if (RpcRevertToSelf() != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return result;
}
