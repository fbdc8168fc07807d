// Pay-stub RPC server, "copy my stub" manager routine (FIXED).
//
// PayStub_CopyTo is the manager routine of this interface (paystub.idl):
//   error_status_t PayStub_CopyTo([in] handle_t binding, [in, string] const wchar_t *employee,
//                                 [in, string] const wchar_t *period,
//                                 [in, string] const wchar_t *destination);
// It copies the caller's stub stubs\<employee>\<period>.stub to a file the caller names,
// e.g. outbox\alice\2024-05.stub.
//
// Fixed from rpc-copy-before-impersonate-buggy.c: the routine impersonates the caller
// first and creates the destination as the caller, so the destination's ACL decides
// whether the caller may write there, exactly as for the source.
#include <windows.h>
#include <rpc.h>
#include <strsafe.h>

#define MAX_NAME 16
#define MAX_STUB (64 * 1024)

static BYTE g_buffer[MAX_STUB];

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

error_status_t PayStub_CopyTo(handle_t binding, const wchar_t *employee, const wchar_t *period,
                              const wchar_t *destination)
{
    WCHAR source[MAX_PATH];
    HANDLE in, out;
    DWORD length = 0, written = 0;
    RPC_STATUS status;
    error_status_t result = ERROR_SUCCESS;

    if (!IsValidComponent(employee) || !IsValidComponent(period))
        return ERROR_INVALID_NAME;
    if (FAILED(StringCchPrintfW(source, MAX_PATH, L"stubs\\%s\\%s.stub", employee, period)))
        return ERROR_INVALID_NAME;

    status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK)
        return status;

    out = CreateFileW(destination, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                      FILE_ATTRIBUTE_NORMAL, NULL);
    if (out == INVALID_HANDLE_VALUE) {
        result = GetLastError();
    } else {
        in = CreateFileW(source, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
        if (in == INVALID_HANDLE_VALUE) {
            result = GetLastError();
        } else {
            if (!ReadFile(in, g_buffer, sizeof(g_buffer), &length, NULL) ||
                !WriteFile(out, g_buffer, length, &written, NULL))
                result = GetLastError();
            CloseHandle(in);
        }
        CloseHandle(out);
    }
    if (RpcRevertToSelf() != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return result;
}
