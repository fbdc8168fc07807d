// The fix of createprocess-while-impersonating-bug.c: while impersonating the pipe client
// the handler opens the thread token, duplicates it into a PRIMARY token and starts the
// converter with CreateProcessAsUserW, so the child really runs as the client.
// CreateProcessAsUser is never reported, even while impersonating, and it is not an
// access either (the child's rights are the client's). CORRECT.
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
    HANDLE impersonation = NULL, primary = NULL;
    WCHAR cmd[2 * MAX_PATH];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    if (!ReadFile(pipe, &req, sizeof(req), &got, NULL) || got != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';
    if (FAILED(StringCchPrintfW(cmd, ARRAYSIZE(cmd),
                                L"\"C:\\Program Files\\Contoso\\pdfconv.exe\" \"%ls\"", req.document)))
        return ERROR_FILENAME_EXCED_RANGE;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_DUPLICATE | TOKEN_QUERY, TRUE, &impersonation)) {
        err = GetLastError();
        goto out;
    }
    if (!DuplicateTokenEx(impersonation,
                          TOKEN_ASSIGN_PRIMARY | TOKEN_DUPLICATE | TOKEN_QUERY | TOKEN_ADJUST_DEFAULT,
                          NULL, SecurityImpersonation, TokenPrimary, &primary)) {
        err = GetLastError();
        goto out;
    }
    if (!CreateProcessAsUserW(primary, NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL,
                              &si, &pi)) {
        err = GetLastError();
        goto out;
    }
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
out:
    if (primary != NULL)
        CloseHandle(primary);
    if (impersonation != NULL)
        CloseHandle(impersonation);
    RevertToSelf();
    return err;
}
