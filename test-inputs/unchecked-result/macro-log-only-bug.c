// A service-wide macro hides a fail-open begin: SVC_IMPERSONATE_PIPE traces a failed
// ImpersonateNamedPipeClient and carries on (`do { if (!...) trace; } while (0)`). The
// handler then creates the client's folder with the service's token when the begin
// failed. The warning and the branch note are at the line where the macro is used (the
// `while (0)` is a constant, no note). BUGGY.
#include <windows.h>

extern void SvcTraceLastError(const wchar_t *api, int line);

#define SVC_IMPERSONATE_PIPE(p)                                                            \
    do {                                                                                   \
        if (!ImpersonateNamedPipeClient(p))                                                \
            SvcTraceLastError(L"ImpersonateNamedPipeClient", __LINE__);                    \
    } while (0)

typedef struct {
    DWORD command;
    WCHAR folder[MAX_PATH];
} MKDIR_REQUEST;

DWORD HandleMakeFolder(HANDLE pipe)
{
    MKDIR_REQUEST req;
    DWORD read = 0, err = ERROR_SUCCESS;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.folder[MAX_PATH - 1] = L'\0';

    // CHECK-WARNING@+2: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: assuming the condition is true
    SVC_IMPERSONATE_PIPE(pipe);
    if (!CreateDirectoryW(req.folder, NULL)) // CHECK-NOTE: 'CreateDirectoryW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
        err = GetLastError();
    RevertToSelf();
    return err;
}
