// __try/__finally (C, -fms-extensions): the revert lives in the __finally block, guarded
// by a flag. Inside the __try the handler starts the converter with CreateProcessW while
// impersonating: reported. After the __try/__finally the thread is back to itself, and the
// audit notifier started there (fixed command line in a global) is silent, on the success
// path and on the begin's failure path alike. BUGGY.
#include <windows.h>
#include <strsafe.h>

static WCHAR g_auditCmd[] = L"\"C:\\Program Files\\Contoso\\auditnotify.exe\" --event convert";

extern BOOL ReadConvertRequest(HANDLE pipe, WCHAR *document, size_t cch);

DWORD ServeConvert(HANDLE pipe)
{
    WCHAR document[MAX_PATH], cmd[2 * MAX_PATH];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    BOOL impersonating = FALSE;
    DWORD err = ERROR_SUCCESS;

    if (!ReadConvertRequest(pipe, document, ARRAYSIZE(document)))
        return ERROR_BAD_FORMAT;
    __try {
        if (!ImpersonateNamedPipeClient(pipe)) { // CHECK-NOTE: the thread impersonates the client from here
            err = GetLastError();
            __leave;
        }
        impersonating = TRUE;
        if (FAILED(StringCchPrintfW(cmd, ARRAYSIZE(cmd), L"pdfconv.exe \"%ls\"", document))) {
            err = ERROR_FILENAME_EXCED_RANGE;
            __leave;
        }
        // CHECK-WARNING@+1: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
        if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
            err = GetLastError();
            __leave;
        }
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } __finally {
        if (impersonating)
            RevertToSelf();
    }
    if (CreateProcessW(NULL, g_auditCmd, NULL, NULL, FALSE, DETACHED_PROCESS, NULL, NULL, &si, &pi)) {
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    }
    return err;
}
