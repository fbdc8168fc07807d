// Named-pipe log collector: the begin's result is discarded, then the handler picks the
// creation disposition from the request's flags and creates the client's log file. The
// branch on `req.flags` decides nothing about impersonation, but it lies on the witness
// path between the begin and the access, so it gets a note like every branch decision
// on the way (as missing-revert prints them). BUGGY.
#include <windows.h>

#define LOG_APPEND 0x1u

typedef struct {
    DWORD flags;
    DWORD length;
    WCHAR path[MAX_PATH];
} LOG_REQUEST;

DWORD HandleCollect(HANDLE pipe, HANDLE *log)
{
    LOG_REQUEST req;
    DWORD read = 0, disposition;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    if (req.flags & LOG_APPEND) // CHECK-NOTE: assuming the condition is false
        disposition = OPEN_ALWAYS;
    else
        disposition = CREATE_ALWAYS;
    *log = CreateFileW(req.path, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, disposition, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    RevertToSelf();
    return *log == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}
