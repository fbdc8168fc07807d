// The spawn is only on the FAILURE path of the begin: when ImpersonateNamedPipeClient
// fails the handler starts the service's own alert tool (fixed program, fixed command line
// in a global) and returns. The thread is not impersonating there, so this check is
// silent. unchecked-result is silent too: the outcome is tested, and the failure branch
// reports through a fixed object of the service and returns (spec: only a failure path
// whose operation's object name is NOT a fixed value is fail-open; the alert tool is the
// process analogue of "writes to the service's fixed log file"). CORRECT.
#include <windows.h>

static WCHAR g_alertCmd[] = L"svcalert.exe --event impersonation-failed --source pipe";

extern DWORD ServeAsClient(HANDLE pipe); /* the request itself, as the client */

DWORD HandleRequest(HANDLE pipe)
{
    DWORD err;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    if (!ImpersonateNamedPipeClient(pipe)) {
        err = GetLastError();
        if (CreateProcessW(L"C:\\Program Files\\Contoso\\svcalert.exe", g_alertCmd, NULL, NULL,
                           FALSE, CREATE_NO_WINDOW | DETACHED_PROCESS, NULL, NULL, &si, &pi)) {
            CloseHandle(pi.hThread);
            CloseHandle(pi.hProcess);
        }
        return err;
    }
    err = ServeAsClient(pipe);
    RevertToSelf();
    return err;
}
