// Fail-open: the handler tests ImpersonateNamedPipeClient, but on failure it "falls back"
// to converting as the service, with CreateProcessW and a command line built from the
// client's request. That spawn runs while NOT impersonating: not this check's business
// (silent here). It is unchecked-result's: the failure side of a tested begin reaches an
// operation whose object name comes from the client. primary-token-access leaves a
// failed-begin path to unchecked-result. One root cause, one warning. The success path
// hands the command line to a converter in another file. BUGGY for
// impersonation-unchecked-result; silent for this check.
#include <windows.h>
#include <strsafe.h>

typedef struct {
    DWORD opcode;
    WCHAR document[MAX_PATH];
} CONVERT_REQUEST;

extern DWORD ConvertAsThreadUser(WCHAR *cmd); /* convert.c: CreateProcessAsUserW, thread token */

DWORD ServeConvert(HANDLE pipe)
{
    CONVERT_REQUEST req;
    DWORD got = 0, err;
    WCHAR cmd[2 * MAX_PATH];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    if (!ReadFile(pipe, &req, sizeof(req), &got, NULL) || got != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';
    if (FAILED(StringCchPrintfW(cmd, ARRAYSIZE(cmd),
                                L"\"C:\\Program Files\\Contoso\\pdfconv.exe\" \"%ls\"", req.document)))
        return ERROR_FILENAME_EXCED_RANGE;

    // CHECK-WARNING@+2: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-NOTE@+1: assuming the condition is true
    if (!ImpersonateNamedPipeClient(pipe)) {
        OutputDebugStringW(L"convert: cannot impersonate, converting as the service\n");
        // CHECK-NOTE@+1: 'CreateProcessW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
        if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi))
            return GetLastError();
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
        return ERROR_SUCCESS;
    }
    err = ConvertAsThreadUser(cmd);
    RevertToSelf();
    return err;
}
