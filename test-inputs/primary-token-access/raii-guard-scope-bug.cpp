// C++ RAII, buggy: the guard lives in an inner block that only checks the caller's
// quota; its destructor reverts at the block's closing brace, and the upload is then
// written to the path built from the request with the service's token. Decision: the
// "impersonation ends here" note is on the closing brace, where the destructor runs
// (the end is implicit; as missing-revert names the guard's constructor call for a
// begin, the end is shown where this function ends the impersonation). BUGGY.
#include <windows.h>
#include <string>

class PipeClientImpersonation {
public:
    explicit PipeClientImpersonation(HANDLE pipe) { active_ = ImpersonateNamedPipeClient(pipe); }
    ~PipeClientImpersonation() {
        if (active_)
            RevertToSelf();
    }
    PipeClientImpersonation(const PipeClientImpersonation &) = delete;
    PipeClientImpersonation &operator=(const PipeClientImpersonation &) = delete;
    bool active() const { return active_ != FALSE; }

private:
    BOOL active_;
};

struct UploadRequest {
    DWORD size;
    WCHAR name[64];
};

bool CallerQuotaAllows(DWORD size);
DWORD ReceiveUpload(HANDLE pipe, HANDLE file, DWORD size);

DWORD SaveUpload(HANDLE pipe)
{
    UploadRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof req, &read, nullptr) || read != sizeof req) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.name[63] = L'\0';

    bool withinQuota;
    {
        PipeClientImpersonation asClient(pipe);
        if (!asClient.active())
            return GetLastError();
        withinQuota = CallerQuotaAllows(req.size);
    } // CHECK-NOTE: impersonation ends here
    if (!withinQuota)
        return ERROR_NOT_ENOUGH_QUOTA;

    std::wstring path = std::wstring(L"D:\\Uploads\\") + req.name;
    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    HANDLE file = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, 0, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    DWORD err = ReceiveUpload(pipe, file, req.size);
    CloseHandle(file);
    return err;
}
