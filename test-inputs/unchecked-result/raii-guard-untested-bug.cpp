// C++ RAII guard: PipeClientIdentity impersonates in its constructor, remembers whether
// that worked and reverts in its destructor only if it did -- a correct guard. The
// handler never asks it (`active()` exists but is not called), so when
// ImpersonateNamedPipeClient failed the file is opened with the service's token. The
// constructor begins and hands the outcome back through the object, like a
// begin-wrapper: the warning is at the construction and names the class, as
// missing-revert names a guard ("the call to 'PipeClientIdentity'"). The spec does not
// spell out constructors; this is our reading. BUGGY.
#include <windows.h>
#include <string>
#include <vector>

class PipeClientIdentity {
public:
    explicit PipeClientIdentity(HANDLE pipe) : active_(FALSE) { active_ = ImpersonateNamedPipeClient(pipe); }
    ~PipeClientIdentity() {
        if (active_)
            RevertToSelf();
    }
    PipeClientIdentity(const PipeClientIdentity &) = delete;
    PipeClientIdentity &operator=(const PipeClientIdentity &) = delete;
    bool active() const { return active_ != FALSE; }

private:
    BOOL active_;
};

DWORD ReadClientFile(HANDLE pipe, const std::wstring &path, std::vector<char> &out)
{
    PipeClientIdentity as_client(pipe); // CHECK-WARNING: if 'PipeClientIdentity' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'PipeClientIdentity' failed
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    char buf[4096];
    DWORD got = 0;
    while (ReadFile(file, buf, sizeof buf, &got, nullptr) && got != 0)
        out.insert(out.end(), buf, buf + got);
    CloseHandle(file);
    return ERROR_SUCCESS;
}
