// After serving the request as the client, the handler appends an audit record to the
// service's own log (a fixed path) and takes a named mutex with a fixed name to
// serialise the appends. The client's file name goes INTO the log as data (WriteFile is
// not an access): only object names count. The unnamed event is no named object at all.
// CORRECT.
#include <windows.h>
#include <string>

struct StubRequest {
    DWORD employeeId;
    WCHAR file[64];
};

static const wchar_t kAuditLog[] = L"C:\\ProgramData\\StubSvc\\audit.log";

DWORD ServeStub(HANDLE pipe, std::string &stub)
{
    StubRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof req, &read, nullptr) || read != sizeof req)
        return ERROR_BAD_FORMAT;
    req.file[63] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    HANDLE file = CreateFileW(req.file, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                              nullptr);
    DWORD status = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (file != INVALID_HANDLE_VALUE) {
        char buf[4096];
        DWORD got = 0;
        while (ReadFile(file, buf, sizeof buf, &got, nullptr) && got != 0)
            stub.append(buf, got);
        CloseHandle(file);
    }

    HANDLE done = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    HANDLE lock = CreateMutexW(nullptr, FALSE, L"Global\\StubSvcAuditLock");
    if (lock != nullptr)
        WaitForSingleObject(lock, INFINITE);
    HANDLE audit = CreateFileW(kAuditLog, FILE_APPEND_DATA, FILE_SHARE_READ, nullptr, OPEN_ALWAYS,
                               0, nullptr);
    if (audit != INVALID_HANDLE_VALUE) {
        std::wstring line = std::to_wstring(req.employeeId) + L" " + req.file + L" " +
                            std::to_wstring(status) + L"\r\n";
        DWORD written = 0;
        WriteFile(audit, line.data(), static_cast<DWORD>(line.size() * sizeof(wchar_t)), &written,
                  nullptr);
        CloseHandle(audit);
    }
    if (lock != nullptr) {
        ReleaseMutex(lock);
        CloseHandle(lock);
    }
    if (done != nullptr) {
        SetEvent(done);
        CloseHandle(done);
    }
    return status;
}
