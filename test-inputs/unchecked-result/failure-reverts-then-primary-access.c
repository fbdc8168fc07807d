// The failure branch of ImpersonateNamedPipeClient reverts explicitly ("make sure we
// are the service again") and then carries on into the main work, so the client's
// document is opened with the service's token. The RevertToSelf on the failure path
// ends unchecked-result's business: after an end, an access to an object named by the
// client is impersonation-primary-token-access's finding (one root cause, one warning).
// unchecked-result: silent (a naive implementation would report the begin);
// primary-token-access: 1 warning, notes at the receive and at the end.
#include <windows.h>

typedef struct {
    DWORD flags;
    WCHAR document[MAX_PATH];
} PREVIEW_REQUEST;

DWORD HandlePreview(HANDLE pipe, BYTE *out, DWORD cb, DWORD *got)
{
    PREVIEW_REQUEST req;
    DWORD read = 0, err = ERROR_SUCCESS;
    HANDLE doc;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe)) {
        OutputDebugStringW(L"preview: cannot impersonate, continuing as the service\n");
        RevertToSelf(); // CHECK-NOTE: impersonation ends here
    }

    doc = CreateFileW(req.document, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL); // CHECK-WARNING: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    RevertToSelf();

    if (doc == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ReadFile(doc, out, cb, got, NULL))
        err = GetLastError();
    CloseHandle(doc);
    return err;
}
