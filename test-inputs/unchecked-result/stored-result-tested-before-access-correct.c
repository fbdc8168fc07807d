// The begin's result is stored and tested later, but before any protected operation:
// between the begin and the test the handler only stamps and sends an acknowledgement
// on the pipe it already holds (GetSystemTimeAsFileTime, WriteFile). A naive
// implementation that wants the test right after the call would report it.
// CORRECT (silent).
#include <windows.h>

typedef struct {
    DWORD command;
    WCHAR path[MAX_PATH];
} LOCK_REQUEST;

typedef struct {
    DWORD status;
    FILETIME received;
} ACK;

DWORD HandleLock(HANDLE pipe, HANDLE *locked)
{
    LOCK_REQUEST req;
    ACK ack;
    DWORD read = 0, written = 0;
    BOOL impersonated;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    impersonated = ImpersonateNamedPipeClient(pipe);
    ack.status = ERROR_IO_PENDING;
    GetSystemTimeAsFileTime(&ack.received);
    WriteFile(pipe, &ack, sizeof(ack), &written, NULL);

    if (!impersonated)
        return ERROR_CANNOT_IMPERSONATE;
    *locked = CreateFileW(req.path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    RevertToSelf();
    return *locked == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}
