// A project macro wraps the windows.h CreateProcess macro (UNICODE build, so it is
// CreateProcessW). The first use runs while impersonating the pipe client: reported on
// the line of the macro use, named 'CreateProcessW'. The second use, after RevertToSelf,
// starts the service's own janitor (fixed command line): silent. BUGGY.
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -DUNICODE -D_UNICODE
#include <windows.h>

#define START_HIDDEN(cmd, si, pi) \
    CreateProcess(NULL, (cmd), NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, (si), (pi))

static WCHAR g_janitorCmd[] = L"\"C:\\Program Files\\Contoso\\janitor.exe\" --temp";

extern BOOL BuildToolCommand(HANDLE pipe, WCHAR *cmd, size_t cch); /* from the request */

DWORD RunClientTool(HANDLE pipe)
{
    WCHAR cmd[1024];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD err = ERROR_SUCCESS;

    if (!BuildToolCommand(pipe, cmd, ARRAYSIZE(cmd)))
        return ERROR_BAD_FORMAT;
    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    if (START_HIDDEN(cmd, &si, &pi)) { // CHECK-WARNING: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
        WaitForSingleObject(pi.hProcess, INFINITE);
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } else {
        err = GetLastError();
    }
    RevertToSelf();

    if (START_HIDDEN(g_janitorCmd, &si, &pi)) {
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    }
    return err;
}
