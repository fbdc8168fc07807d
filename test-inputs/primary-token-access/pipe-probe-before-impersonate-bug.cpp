// C++ pipe server that answers "not found" early: it probes the requested file with
// GetFileAttributesExW before impersonating, to avoid the cost of impersonation for
// missing files. The probe runs as the service: the client learns whether any path
// exists and how large it is (files in other users' profiles, the service's own state).
// The open itself, as the client, is fine. One origin note: the name is also used as the
// client's object later (rule (c)), but the receive is the more direct source, and a
// warning carries one origin (decision: (a)/(b) before (d) before (c)). BUGGY.
#include <windows.h>
#include <vector>

struct FetchRequest {
    DWORD version;
    WCHAR path[MAX_PATH];
};

class FetchServer {
public:
    DWORD Serve(HANDLE pipe, std::vector<BYTE> &out);
};

DWORD FetchServer::Serve(HANDLE pipe, std::vector<BYTE> &out)
{
    FetchRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof(req), &read, nullptr) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    WIN32_FILE_ATTRIBUTE_DATA info;
    // CHECK-WARNING@+1: 'GetFileAttributesExW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (!GetFileAttributesExW(req.path, GetFileExInfoStandard, &info))
        return ERROR_FILE_NOT_FOUND;
    if (info.nFileSizeHigh != 0)
        return ERROR_FILE_TOO_LARGE;

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the client is impersonated only after this, here
        return GetLastError();
    HANDLE file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                              0, nullptr);
    DWORD err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;

    out.resize(info.nFileSizeLow);
    DWORD got = 0;
    if (!ReadFile(file, out.data(), info.nFileSizeLow, &got, nullptr))
        err = GetLastError();
    out.resize(got);
    CloseHandle(file);
    return err;
}
