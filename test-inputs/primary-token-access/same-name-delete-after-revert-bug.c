// Rule (c): the temporary file is created AS THE CLIENT (in a directory the client
// controls, e.g. its %TEMP%), and on failure deleted AFTER the revert, as the service.
// tempPath is a plain parameter (not client data by itself), but using it as the
// client's object makes it the client's name: between the two calls the client can
// replace the file with a link, and the service deletes the target with its own token
// (the classic arbitrary-file-delete). BUGGY.
#include <windows.h>

extern DWORD RenderDocument(HANDLE pipe, HANDLE out);

DWORD RenderToTemp(HANDLE pipe, LPCWSTR tempPath)
{
    HANDLE out;
    DWORD err;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    // CHECK-NOTE@+1: 'CreateFileW' uses this name as the client's object here
    out = CreateFileW(tempPath, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY, NULL);
    if (out == INVALID_HANDLE_VALUE) {
        err = GetLastError();
    } else {
        err = RenderDocument(pipe, out);
        CloseHandle(out);
    }
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    if (err != ERROR_SUCCESS)
        DeleteFileW(tempPath); // CHECK-WARNING: 'DeleteFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    return err;
}
