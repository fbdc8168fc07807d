// C++ profile service: the settings file is named by std::wstring concatenation of the
// service's profile root (a member) and the profile name from the request. The service
// impersonates to read the caller's SID, reverts, and then opens the concatenated path
// as itself. operator+ and c_str() carry the client's part through. BUGGY.
#include <windows.h>
#include <string>

struct ProfileRequest {
    DWORD op;
    WCHAR profile[64];
};

bool CallerOwnsProfile(const std::wstring &profile);

class ProfileServer {
public:
    explicit ProfileServer(std::wstring root) : root_(std::move(root)) {}
    DWORD Load(HANDLE pipe, std::string &settings);

private:
    std::wstring root_;
};

DWORD ProfileServer::Load(HANDLE pipe, std::string &settings)
{
    ProfileRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof(req), &read, nullptr) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.profile[63] = L'\0';

    std::wstring path = root_ + L"\\" + req.profile + L".settings";

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    bool owns = CallerOwnsProfile(req.profile);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!owns)
        return ERROR_ACCESS_DENIED;

    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                              0, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    char buf[4096];
    DWORD got = 0;
    while (ReadFile(file, buf, sizeof buf, &got, nullptr) && got != 0)
        settings.append(buf, got);
    CloseHandle(file);
    return ERROR_SUCCESS;
}
