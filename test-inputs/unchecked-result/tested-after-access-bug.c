// Named-pipe settings service, "export" command: the handler stores the result of
// ImpersonateNamedPipeClient, creates the client's target file, and only then looks at
// the result to decide whether there is something to revert. The test comes after the
// access: when the begin failed, the file was already created with the service's token
// (anywhere the service may write, owned by the service). BUGGY.
#include <windows.h>

typedef struct {
    DWORD command;
    WCHAR target[MAX_PATH];
} EXPORT_REQUEST;

extern BYTE g_settings[4096];
extern DWORD g_settingsSize;

DWORD HandleExport(HANDLE pipe)
{
    EXPORT_REQUEST req;
    DWORD read = 0, written = 0, err = ERROR_SUCCESS;
    BOOL impersonating;
    HANDLE out;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.target[MAX_PATH - 1] = L'\0';

    impersonating = ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    out = CreateFileW(req.target, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    if (impersonating)
        RevertToSelf();
    else
        OutputDebugStringW(L"export: could not impersonate the client\n");

    if (out == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!WriteFile(out, g_settings, g_settingsSize, &written, NULL))
        err = GetLastError();
    CloseHandle(out);
    return err;
}
