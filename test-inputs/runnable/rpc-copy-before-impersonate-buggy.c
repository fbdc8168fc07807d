// Pay-stub RPC server, "copy my stub" manager routine (BUGGY).
//
// PayStub_CopyTo is the manager routine of this interface (paystub.idl):
//   error_status_t PayStub_CopyTo([in] handle_t binding, [in, string] const wchar_t *employee,
//                                 [in, string] const wchar_t *period,
//                                 [in, string] const wchar_t *destination);
// It copies the caller's stub stubs\<employee>\<period>.stub to a file the caller names,
// e.g. outbox\alice\2024-05.stub, reading the stub as the caller.
//
// The bug: the destination is created first, "so that a bad destination fails before any
// work is done" -- before RpcImpersonateClient, with the service's own token. Every
// parameter of a manager routine comes from the caller, so any caller creates or
// overwrites any file the service can write: alice copies her own stub over bob's. The
// fixed version is rpc-copy-before-impersonate-fixed.c.
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
                              const wchar_t *destination) // CHECK-NOTE: 'destination' holds data from the client
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

    /* BUG: created with the service's token, before impersonating. */
    out = CreateFileW(destination, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, // CHECK-WARNING: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
                      FILE_ATTRIBUTE_NORMAL, NULL);
    if (out == INVALID_HANDLE_VALUE)
        return GetLastError();

    status = RpcImpersonateClient(binding); // CHECK-NOTE: the client is impersonated only after this, here
    if (status != RPC_S_OK) {
        CloseHandle(out);
        return status;
    }
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
    if (RpcRevertToSelf() != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    CloseHandle(out);
    return result;
}
