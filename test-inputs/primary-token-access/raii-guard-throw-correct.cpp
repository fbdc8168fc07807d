// C++ RAII and exceptions: a guard begins in its constructor body and reverts in its
// destructor. ReadStub reads the stub named by the request with std::ifstream inside the
// guard's scope (as the client); a malformed stub throws, the destructor reverts during
// unwinding, and the caller's catch writes the failure to the service's own error log
// (a fixed path) with the service's token. The client's path is passed into ReadStub
// (rule (d)), but its only access there is made as the client. CORRECT.
#include <windows.h>
#include <fstream>
#include <iterator>
#include <stdexcept>
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

struct StubRequest {
    DWORD magic;
    WCHAR period[16];
};

static std::string ReadStub(HANDLE pipe, const std::wstring &path)
{
    PipeClientImpersonation asClient(pipe);
    if (!asClient.active())
        throw std::runtime_error("cannot impersonate the client");
    std::ifstream in(path.c_str(), std::ios::binary);
    if (!in)
        throw std::runtime_error("stub not found");
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < 4 || data.compare(0, 4, "STUB") != 0)
        throw std::runtime_error("malformed stub");
    return data;
}

static void LogFailure(const char *what)
{
    std::ofstream log("C:\\ProgramData\\StubSvc\\errors.log", std::ios::app);
    log << what << '\n';
}

DWORD ServeStub(HANDLE pipe, std::string &stub)
{
    StubRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof req, &read, nullptr) || read != sizeof req)
        return ERROR_BAD_FORMAT;
    req.period[15] = L'\0';
    try {
        stub = ReadStub(pipe, L"D:\\PayStubs\\" + std::wstring(req.period) + L".stub");
    } catch (const std::exception &e) {
        LogFailure(e.what());
        return ERROR_INVALID_DATA;
    }
    return ERROR_SUCCESS;
}
