// SSPI file server (C++): after the Negotiate handshake the client's request arrives
// with recv; the path is built with std::wstring from the share root and the requested
// name. The file is opened between ImpersonateSecurityContext and RevertSecurityContext
// (both checked); after the revert the server streams the open handle back (ReadFile on
// a handle it got from CreateFileW is no receive) and appends to its fixed transfer log.
// CORRECT.
#include <winsock2.h>
#include <windows.h>
#define SECURITY_WIN32
#include <security.h>
#include <string>

struct FileRequest {
    DWORD op;
    WCHAR name[128];
};

DWORD ServeAuthenticated(SOCKET s, CtxtHandle *ctx, const std::wstring &shareRoot)
{
    FileRequest req{};
    if (recv(s, reinterpret_cast<char *>(&req), sizeof req, MSG_WAITALL) != sizeof req)
        return ERROR_BAD_FORMAT;
    req.name[127] = L'\0';
    std::wstring path = shareRoot + L"\\" + req.name;

    if (ImpersonateSecurityContext(ctx) != SEC_E_OK)
        return ERROR_ACCESS_DENIED;
    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                              FILE_FLAG_SEQUENTIAL_SCAN, nullptr);
    DWORD err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (RevertSecurityContext(ctx) != SEC_E_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;

    char buf[8192];
    DWORD got = 0, total = 0;
    while (ReadFile(file, buf, sizeof buf, &got, nullptr) && got != 0) {
        send(s, buf, static_cast<int>(got), 0);
        total += got;
    }
    CloseHandle(file);

    HANDLE log = CreateFileW(L"C:\\ProgramData\\ShareSvc\\transfers.log", FILE_APPEND_DATA,
                             FILE_SHARE_READ, nullptr, OPEN_ALWAYS, 0, nullptr);
    if (log != INVALID_HANDLE_VALUE) {
        DWORD written = 0;
        WriteFile(log, &total, sizeof total, &written, nullptr);
        CloseHandle(log);
    }
    return ERROR_SUCCESS;
}
