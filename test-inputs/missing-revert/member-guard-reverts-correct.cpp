// C++ pipe server: PipeClientScope impersonates the pipe client in its constructor and
// has no destructor of its own; its member RevertOnExit reverts in its destructor when it
// was armed. Destroying the scope destroys the member, so the scope is a guard: the
// constructor is not a leak and the handler's scope reverts when it ends. The handler
// asks the guard whether it is active before doing the client's work. CORRECT.
#include <windows.h>

class RevertOnExit {
public:
    ~RevertOnExit() { if (armed_) RevertToSelf(); }
    void arm() { armed_ = true; }

private:
    bool armed_ = false;
};

class PipeClientScope {
public:
    explicit PipeClientScope(HANDLE pipe) : active_(false)
    {
        if (ImpersonateNamedPipeClient(pipe)) {
            active_ = true;
            revert_.arm();
        }
    }
    bool active() const { return active_; }

private:
    bool active_;
    RevertOnExit revert_;
};

DWORD ReadReport(const wchar_t *path); // reports.cpp

DWORD Serve(HANDLE pipe, const wchar_t *path)
{
    PipeClientScope scope(pipe);
    if (!scope.active())
        return ERROR_CANNOT_IMPERSONATE;
    return ReadReport(path);
}
