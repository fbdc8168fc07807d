// A service that cannot go on safely ends itself: the handle of the current process is
// stored first (GetCurrentProcess() returns the pseudo-handle), then TerminateProcess on
// that variable ends the path, so the early exit after it leaks nothing. The same code on
// a handle of another process (OpenProcess) does not end this process: that path returns
// while impersonating. BUGGY in Kill, CORRECT in Abandon.
#include <windows.h>

extern BOOL RequestIsPoisoned(HANDLE pipe);

DWORD Abandon(HANDLE pipe)
{
    HANDLE self = GetCurrentProcess();
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (RequestIsPoisoned(pipe)) {
        TerminateProcess(self, ERROR_INVALID_DATA);
        return ERROR_INVALID_DATA;
    }
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return ERROR_SUCCESS;
}

DWORD Kill(HANDLE pipe, DWORD pid)
{
    HANDLE victim = OpenProcess(PROCESS_TERMINATE, FALSE, pid);
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'Kill' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (RequestIsPoisoned(pipe)) { // CHECK-NOTE: assuming the condition is true
        TerminateProcess(victim, ERROR_INVALID_DATA);
        return ERROR_INVALID_DATA; // CHECK-NOTE: returns here while still impersonating
    }
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return ERROR_SUCCESS;
}
