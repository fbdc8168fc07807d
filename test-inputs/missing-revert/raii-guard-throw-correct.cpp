// RAII: an ImpersonationScope object begins in its constructor and reverts in its
// destructor. The function throws on bad input and returns early on a missing file;
// the destructor runs on both, including the throw. CORRECT.
#include <windows.h>
#include <stdexcept>
#include <string>
#include <vector>

class ImpersonationScope {
public:
    explicit ImpersonationScope(HANDLE pipe) : active_(ImpersonateNamedPipeClient(pipe) != FALSE) {
        if (!active_)
            throw std::runtime_error("cannot impersonate the pipe client");
    }
    ~ImpersonationScope() {
        if (active_)
            RevertToSelf();
    }
    ImpersonationScope(const ImpersonationScope &) = delete;
    ImpersonationScope &operator=(const ImpersonationScope &) = delete;

private:
    bool active_;
};

std::vector<char> ReadClientFile(HANDLE pipe, const std::wstring &path)
{
    ImpersonationScope scope(pipe);

    if (path.empty() || path.find(L"..") != std::wstring::npos)
        throw std::invalid_argument("bad path");

    HANDLE h = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                           0, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        return {};

    std::vector<char> data(4096);
    DWORD got = 0;
    if (!ReadFile(h, data.data(), static_cast<DWORD>(data.size()), &got, nullptr))
        got = 0;
    CloseHandle(h);
    data.resize(got);
    return data;
}
