// C++ RAII: PipeClientIdentity impersonates the pipe client in its constructor (body) and
// reverts in its destructor. HandlePrint starts the spooler helper with std::thread INSIDE
// the guarded scope: reported. The begin is inside the guard's constructor; the note is
// put at the guard's construction in HandlePrint, where this function's impersonation
// starts (as unchecked-result and missing-revert name a begin-wrapper at its call); spec
// unclear, decided so. The second spawn, after the scope closed and the destructor
// reverted, is the service's own clean-up: silent. The guard's result is tested. BUGGY.
#include <windows.h>
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
void SpoolJob(std::wstring printer, std::wstring document);
void PurgeSpoolTemp();

DWORD HandlePrint(HANDLE pipe, const std::wstring &printer, const std::wstring &document)
{
    {
        PipeClientIdentity as_client(pipe); // CHECK-NOTE: the thread impersonates the client from here
        if (!as_client.active())
            return GetLastError();
        if (!CheckPrinterAccess(printer))
            return ERROR_ACCESS_DENIED;
        // CHECK-WARNING@+1: 'std::thread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
        std::thread spooler(SpoolJob, printer, document);
        spooler.detach();
    }
    std::thread purge(PurgeSpoolTemp); // after the destructor reverted: the service's own work
    purge.detach();
    return ERROR_SUCCESS;
}
