// Named-pipe document-conversion service. After impersonating the pipe client it starts
// the converter with CreateProcessW, believing the child runs as the client. A new process
// gets its creator's PRIMARY token, never the thread's impersonation token: the converter
// runs as LocalSystem and opens whatever document the client named with the service's
// rights. The begin is checked and every path reverts, so the other checks are silent
// (CreateProcessW made while impersonating is an access made as the client). BUGGY.
#include <windows.h>
#include <strsafe.h>

typedef struct {
    DWORD opcode;
    WCHAR document[MAX_PATH];
} CONVERT_REQUEST;

DWORD ServeConvert(HANDLE pipe)
{
    CONVERT_REQUEST req;
    DWORD got = 0, err = ERROR_SUCCESS;
    WCHAR cmd[2 * MAX_PATH];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    if (!ReadFile(pipe, &req, sizeof(req), &got, NULL) || got != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';
    if (FAILED(StringCchPrintfW(cmd, ARRAYSIZE(cmd),
                                L"\"C:\\Program Files\\Contoso\\pdfconv.exe\" \"%ls\"", req.document)))
        return ERROR_FILENAME_EXCED_RANGE;

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();

    // CHECK-WARNING@+1: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    if (CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
        WaitForSingleObject(pi.hProcess, 60 * 1000);
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } else {
        err = GetLastError();
    }
    RevertToSelf();
    return err;
}
