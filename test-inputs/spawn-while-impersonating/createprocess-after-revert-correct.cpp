// Named-pipe thumbnail service, C++. The client's folder is checked AS THE CLIENT (it must
// be able to list it), then the thread reverts and the service starts its own indexer
// with a fixed command line: running that child as the service is the intent, and nothing
// in its command line comes from the client. CreateProcessW after RevertToSelf is not
// this check's business; primary-token-access stays silent because the command line is
// not client data. CORRECT.
#include <windows.h>
#include <string>

struct RefreshRequest {
    DWORD opcode;
    wchar_t folder[MAX_PATH];
};

DWORD ServeRefresh(HANDLE pipe)
{
    RefreshRequest req{};
    DWORD got = 0;
    if (!ReadFile(pipe, &req, sizeof(req), &got, nullptr) || got != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.folder[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    HANDLE dir = CreateFileW(req.folder, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE,
                             nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    DWORD err = dir == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (dir != INVALID_HANDLE_VALUE)
        CloseHandle(dir);
    RevertToSelf();
    if (err != ERROR_SUCCESS)
        return err;

    // The service's own job, as the service.
    std::wstring cmd = L"\"C:\\Program Files\\Contoso\\indexer.exe\" --refresh-thumbnails";
    STARTUPINFOW si{};
    si.cb = sizeof(si);
    PROCESS_INFORMATION pi{};
    if (!CreateProcessW(nullptr, &cmd[0], nullptr, nullptr, FALSE, CREATE_NO_WINDOW, nullptr,
                        nullptr, &si, &pi))
        return GetLastError();
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return ERROR_SUCCESS;
}
