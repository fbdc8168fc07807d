// C++ RAII done right: the guard (begin in the constructor body, revert in the destructor)
// covers only the access check and the token copy; the spooler thread is started after
// the guarded scope, handed the copied token, and impersonates inside the thread. An
// exception thrown inside the scope runs the destructor too. No spawn while
// impersonating. CORRECT.
#include <windows.h>
#include <stdexcept>
#include <string>
#include <thread>

class PipeClientIdentity {
public:
    explicit PipeClientIdentity(HANDLE pipe) { active_ = ImpersonateNamedPipeClient(pipe); }
    ~PipeClientIdentity() { if (active_) RevertToSelf(); }
    PipeClientIdentity(const PipeClientIdentity &) = delete;
    PipeClientIdentity &operator=(const PipeClientIdentity &) = delete;
    bool active() const { return active_ != FALSE; }

private:
    BOOL active_;
};

bool CheckPrinterAccess(const std::wstring &printer); // as the caller
void SpoolJobAs(HANDLE token, std::wstring printer, std::wstring document); // impersonates token

DWORD HandlePrint(HANDLE pipe, const std::wstring &printer, const std::wstring &document)
{
    HANDLE token = nullptr;
    {
        PipeClientIdentity as_client(pipe);
        if (!as_client.active())
            return GetLastError();
        if (!CheckPrinterAccess(printer))
            throw std::runtime_error("access denied to printer");
        if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &token))
            return GetLastError();
    }
    std::thread spooler(SpoolJobAs, token, printer, document);
    spooler.detach();
    return ERROR_SUCCESS;
}
