// C++ session object: ReadFile fills the request_ member from the pipe; logDir_ is the
// service's. The requested file is opened as the client; after the revert the session
// appends to its log under logDir_. Both are fields of *this: only this->request_ is
// client data, so the log access is silent. CORRECT.
#include <windows.h>
#include <string>

struct OpenRequest {
    DWORD flags;
    WCHAR path[MAX_PATH];
};

class Session {
public:
    Session(HANDLE pipe, std::wstring logDir) : pipe_(pipe), logDir_(std::move(logDir)) {}
    DWORD Serve();

private:
    void Log(DWORD status);

    HANDLE pipe_;
    std::wstring logDir_;
    OpenRequest request_{};
};

void Session::Log(DWORD status)
{
    std::wstring logPath = logDir_ + L"\\sessions.log";
    HANDLE log = CreateFileW(logPath.c_str(), FILE_APPEND_DATA, FILE_SHARE_READ, nullptr,
                             OPEN_ALWAYS, 0, nullptr);
    if (log == INVALID_HANDLE_VALUE)
        return;
    DWORD written = 0;
    WriteFile(log, &status, sizeof status, &written, nullptr);
    CloseHandle(log);
}

DWORD Session::Serve()
{
    DWORD read = 0;
    if (!ReadFile(pipe_, &request_, sizeof request_, &read, nullptr) || read != sizeof request_)
        return ERROR_BAD_FORMAT;
    request_.path[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe_))
        return GetLastError();
    HANDLE file = CreateFileW(request_.path, GENERIC_READ, FILE_SHARE_READ, nullptr,
                              OPEN_EXISTING, 0, nullptr);
    DWORD status = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    Log(status);
    if (file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    return status;
}
