// Named-pipe document viewer. A refactoring turned "if (!impersonated) return ..." into
// an if/else and kept the test: the document is opened inside `if (!impersonated)`,
// i.e. exactly when ImpersonateNamedPipeClient FAILED, with the service's token (when
// it succeeded the request is refused). The revert is guarded by the same flag, so no
// impersonation leaks and missing-revert is silent. BUGGY.
#include <windows.h>

typedef struct {
    DWORD flags;
    WCHAR path[MAX_PATH];
} VIEW_REQUEST;

DWORD HandleView(HANDLE pipe, BYTE *out, DWORD cb, DWORD *got)
{
    VIEW_REQUEST req;
    DWORD read = 0, status;
    BOOL impersonated;
    HANDLE doc;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    impersonated = ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (!impersonated) { // CHECK-NOTE: assuming the condition is true
        doc = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
        if (doc == INVALID_HANDLE_VALUE) {
            status = GetLastError();
        } else {
            status = ReadFile(doc, out, cb, got, NULL) ? ERROR_SUCCESS : GetLastError();
            CloseHandle(doc);
        }
    } else {
        status = ERROR_ACCESS_DENIED;
    }

    if (impersonated)
        RevertToSelf();
    return status;
}
