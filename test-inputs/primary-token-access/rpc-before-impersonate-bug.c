// RPC manager routine (first parameter handle_t): every other parameter was sent by the
// client. The routine rejects oversized certificates by looking at the file before it
// impersonates, so the size probe runs as the service on a path the client chose (an
// existence and size oracle for any file the service can see). The open as the client
// afterwards is fine. One origin note: the parameter (rule (b)); that the name is also
// opened as the client later (rule (c)) adds none. BUGGY.
#include <windows.h>
#include <rpc.h>

#define MAX_CERT (64 * 1024)

extern long ImportCertificateBlob(HANDLE file, unsigned long size, unsigned long flags);

long Svc_ImportCertificate(
    handle_t binding,
    const wchar_t *sourcePath, // CHECK-NOTE: 'sourcePath' holds data from the client
    unsigned long flags)
{
    WIN32_FILE_ATTRIBUTE_DATA info;
    RPC_STATUS status;
    HANDLE file;
    long result;

    // CHECK-WARNING@+1: 'GetFileAttributesExW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (!GetFileAttributesExW(sourcePath, GetFileExInfoStandard, &info))
        return (long)GetLastError();
    if (info.nFileSizeHigh != 0 || info.nFileSizeLow > MAX_CERT)
        return ERROR_FILE_TOO_LARGE;

    status = RpcImpersonateClient(binding); // CHECK-NOTE: the client is impersonated only after this, here
    if (status != RPC_S_OK)
        return status;
    file = CreateFileW(sourcePath, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    result = file == INVALID_HANDLE_VALUE ? (long)GetLastError() : ERROR_SUCCESS;
    RpcRevertToSelf();

    if (result == ERROR_SUCCESS) {
        result = ImportCertificateBlob(file, info.nFileSizeLow, flags);
        CloseHandle(file);
    }
    return result;
}
