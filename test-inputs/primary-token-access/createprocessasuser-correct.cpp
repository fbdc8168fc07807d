// The fix of createprocess-cmdline-bug.c, in C++: while impersonating, the service takes
// the thread token and duplicates it into a primary token; after the revert it starts
// the tool with CreateProcessAsUserW, so the process runs as the client and the client's
// arguments can do only what the client may. CreateProcessAsUserW is neither an access
// nor a spawn for these checks. CORRECT.
#include <windows.h>
#include <string>

struct DiagRequest {
    DWORD tool;
    WCHAR arguments[256];
};

static const std::wstring kInstallDir = L"C:\\Program Files\\Contoso\\Diag";

DWORD RunDiagnosticsAsCaller(HANDLE pipe)
{
    DiagRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof req, &read, nullptr) || read != sizeof req)
        return ERROR_BAD_FORMAT;
    req.arguments[255] = L'\0';
    std::wstring cmd = L"\"" + kInstallDir + L"\\diag.exe\" " + req.arguments;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    HANDLE threadToken = nullptr, primary = nullptr;
    BOOL ok = OpenThreadToken(GetCurrentThread(), TOKEN_DUPLICATE | TOKEN_QUERY, TRUE, &threadToken);
    if (ok) {
        ok = DuplicateTokenEx(threadToken, TOKEN_ASSIGN_PRIMARY | TOKEN_DUPLICATE | TOKEN_QUERY,
                              nullptr, SecurityImpersonation, TokenPrimary, &primary);
        CloseHandle(threadToken);
    }
    DWORD err = ok ? ERROR_SUCCESS : GetLastError();
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!ok)
        return err;

    STARTUPINFOW si{};
    si.cb = sizeof si;
    PROCESS_INFORMATION pi{};
    if (!CreateProcessAsUserW(primary, nullptr, cmd.data(), nullptr, nullptr, FALSE,
                              CREATE_NO_WINDOW, nullptr, nullptr, &si, &pi)) {
        err = GetLastError();
        CloseHandle(primary);
        return err;
    }
    CloseHandle(primary);
    WaitForSingleObject(pi.hProcess, 60 * 1000);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return ERROR_SUCCESS;
}
