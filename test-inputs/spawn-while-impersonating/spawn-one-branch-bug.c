// Only one branch spawns: while impersonating the pipe client, the handler starts the
// repair helper only when the request asks for it (`if (req.flags & REQ_NEEDS_HELPER)`).
// The spawn is reachable while impersonating on that branch, which is enough: reported at
// the CreateProcessW call with the begin note (this check prints no branch notes). Both
// branches revert. BUGGY.
#include <windows.h>

#define REQ_NEEDS_HELPER 0x1

typedef struct {
    DWORD flags;
    WCHAR profile[MAX_PATH];
} REPAIR_REQUEST;

static WCHAR g_repairCmd[] = L"\"C:\\Program Files\\Contoso\\repair.exe\" --profile-cache";

extern DWORD RepairProfileCache(const WCHAR *profile); /* opens the profile as the caller */

DWORD HandleRepair(HANDLE pipe, const REPAIR_REQUEST *req)
{
    DWORD err;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    err = RepairProfileCache(req->profile);
    if (err == ERROR_SUCCESS && (req->flags & REQ_NEEDS_HELPER)) {
        // CHECK-WARNING@+1: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
        if (CreateProcessW(NULL, g_repairCmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL,
                           &si, &pi)) {
            CloseHandle(pi.hThread);
            CloseHandle(pi.hProcess);
        } else {
            err = GetLastError();
        }
    }
    RevertToSelf();
    return err;
}
