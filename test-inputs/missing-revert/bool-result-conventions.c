// Three handlers that store the BOOL result of a begin and test it in the three ways
// real code does: "!ok", "ok == FALSE" and "ok != TRUE". On the failure edge nothing is
// in force, on the success edge every path reverts. CORRECT.
#include <windows.h>

extern BOOL CopyClientFile(const WCHAR *from, const WCHAR *to);

DWORD CopyNegated(HANDLE pipe, const WCHAR *from, const WCHAR *to)
{
    BOOL ok = ImpersonateNamedPipeClient(pipe);
    DWORD err;
    if (!ok)
        return GetLastError();
    err = CopyClientFile(from, to) ? ERROR_SUCCESS : GetLastError();
    RevertToSelf();
    return err;
}

DWORD CopyEqualsFalse(HANDLE token, const WCHAR *from, const WCHAR *to)
{
    BOOL ok;
    DWORD err = ERROR_SUCCESS;

    ok = ImpersonateLoggedOnUser(token);
    if (ok == FALSE) {
        err = GetLastError();
        OutputDebugStringW(L"copy: cannot impersonate\n");
        return err;
    }
    if (!CopyClientFile(from, to))
        err = GetLastError();
    RevertToSelf();
    return err;
}

DWORD CopyNotEqualsTrue(HANDLE pipe, const WCHAR *from, const WCHAR *to)
{
    DWORD err = ERROR_SUCCESS;
    BOOL ok = ImpersonateNamedPipeClient(pipe);

    if (ok != TRUE)
        return ERROR_CANNOT_IMPERSONATE;
    if (from == NULL || to == NULL) {
        RevertToSelf();
        return ERROR_INVALID_PARAMETER;
    }
    if (!CopyClientFile(from, to))
        err = GetLastError();
    RevertToSelf();
    return err;
}
