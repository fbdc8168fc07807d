// The fix of helper-spawn-called-while-impersonating-bug.cpp: the same helper,
// LaunchThumbnailer, runs the service's own thumbnail generator (fixed command line) and
// is called only after RevertToSelf, where running as the service is the intent. The
// interprocedural analysis sees the helper's CreateProcessW only in contexts that are not
// impersonating. CORRECT.
#include <windows.h>

DWORD StoreUpload(HANDLE pipe); // writes the upload as the client

static bool LaunchThumbnailer()
{
    wchar_t cmd[] = L"\"C:\\Program Files\\Contoso\\thumbgen.exe\" --pending";
    STARTUPINFOW si{};
    si.cb = sizeof(si);
    PROCESS_INFORMATION pi{};
    if (!CreateProcessW(nullptr, cmd, nullptr, nullptr, FALSE, CREATE_NO_WINDOW, nullptr, nullptr,
                        &si, &pi))
        return false;
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return true;
}

DWORD HandleUpload(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    DWORD err = StoreUpload(pipe);
    RevertToSelf();
    if (err == ERROR_SUCCESS && !LaunchThumbnailer())
        err = GetLastError();
    return err;
}
