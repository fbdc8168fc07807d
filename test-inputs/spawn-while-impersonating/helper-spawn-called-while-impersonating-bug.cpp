// Interprocedural, C++: LaunchThumbnailer (same file) starts the thumbnail generator with
// CreateProcessW. HandleUpload calls it while impersonating the pipe client: the warning
// is at the spawn inside the helper, with a note at the begin and one at the caller's
// call. HandleDelete calls the same helper after RevertToSelf: that context is silent, so
// the helper's spawn is reported once, for the impersonating caller only. All begins are
// tested and every path reverts. BUGGY.
#include <windows.h>

DWORD StoreUpload(HANDLE pipe);  // writes the upload as the client
DWORD DeleteUpload(HANDLE pipe); // deletes it as the client

static bool LaunchThumbnailer()
{
    wchar_t cmd[] = L"\"C:\\Program Files\\Contoso\\thumbgen.exe\" --pending";
    STARTUPINFOW si{};
    si.cb = sizeof(si);
    PROCESS_INFORMATION pi{};
    // CHECK-WARNING@+1: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    if (!CreateProcessW(nullptr, cmd, nullptr, nullptr, FALSE, CREATE_NO_WINDOW, nullptr, nullptr,
                        &si, &pi))
        return false;
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return true;
}

DWORD HandleUpload(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    DWORD err = StoreUpload(pipe);
    if (err == ERROR_SUCCESS && !LaunchThumbnailer()) // CHECK-NOTE: 'LaunchThumbnailer' is called here while the thread impersonates the client
        err = GetLastError();
    RevertToSelf();
    return err;
}

DWORD HandleDelete(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    DWORD err = DeleteUpload(pipe);
    RevertToSelf();
    if (err == ERROR_SUCCESS && !LaunchThumbnailer())
        err = GetLastError();
    return err;
}
