// A begin-wrapper that traces through the service's own TraceEvent() between the begin
// and its return. TraceEvent is compiled elsewhere; NeutralFunctions lists it (with the
// built-in neutral functions kept), so BeginAsClient is still recognised as a wrapper
// and the leak is reported at the caller's call. BUGGY (the caller).
// RUN-OPTION: impersonation-missing-revert.NeutralFunctions: GetLastError;SetLastError;OutputDebugStringW;TraceEvent
#include <windows.h>

/* tracing.h */
void TraceEvent(const char *component, DWORD code);

static BOOL BeginAsClient(HANDLE pipe)
{
    BOOL ok = ImpersonateNamedPipeClient(pipe);
    TraceEvent("impersonate", ok ? 0 : GetLastError());
    return ok;
}

DWORD TruncateClientFile(HANDLE pipe, const WCHAR *path)
{
    HANDLE file;

    // CHECK-WARNING@+2: impersonation begun by the call to 'BeginAsClient' is still in force when 'TruncateClientFile' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!BeginAsClient(pipe))
        return GetLastError();

    file = CreateFileW(path, GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is true
        return GetLastError(); // CHECK-NOTE: returns here while still impersonating
    CloseHandle(file);
    RevertToSelf();
    return ERROR_SUCCESS;
}
