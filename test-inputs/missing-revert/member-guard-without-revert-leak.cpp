// C++ pipe server: as member-guard-reverts-correct.cpp, but the member only keeps the
// pipe handle and closes nothing of the impersonation: no destructor on the way reverts,
// so the constructor leaves the thread impersonating for good. BUGGY.
#include <windows.h>

class PipeRef {
public:
    ~PipeRef() { if (pipe_) FlushFileBuffers(pipe_); }
    void set(HANDLE pipe) { pipe_ = pipe; }

private:
    HANDLE pipe_ = nullptr;
};

class PipeClientScope {
public:
    explicit PipeClientScope(HANDLE pipe)
    {
        if (ImpersonateNamedPipeClient(pipe)) // CHECK-WARNING: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'PipeClientScope::PipeClientScope' returns [impersonation-missing-revert]
            ref_.set(pipe); // CHECK-NOTE@-1: assuming the condition is true
    } // CHECK-NOTE: reaches the end of the function while still impersonating

private:
    PipeRef ref_;
};

DWORD ReadReport(const wchar_t *path); // reports.cpp

DWORD Serve(HANDLE pipe, const wchar_t *path)
{
    PipeClientScope scope(pipe);
    return ReadReport(path);
}
