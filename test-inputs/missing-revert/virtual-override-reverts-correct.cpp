// C++ server with pluggable transports: as virtual-override-begins-leak.cpp, but every
// path after the begin goes through the transport's revert(), whose override in this file
// calls RevertToSelf. CORRECT.
#include <windows.h>

class Transport {
public:
    virtual ~Transport() = default;
    virtual BOOL impersonate_client() = 0;
    virtual void revert() = 0;
    virtual DWORD read_request(DWORD *op) = 0;
};

class PipeTransport : public Transport {
public:
    explicit PipeTransport(HANDLE pipe) : pipe_(pipe) {}
    BOOL impersonate_client() override { return ImpersonateNamedPipeClient(pipe_); }
    void revert() override { RevertToSelf(); }
    DWORD read_request(DWORD *op) override; // transport.cpp

private:
    HANDLE pipe_;
};

DWORD RunOperation(DWORD op); // operations.cpp

DWORD Serve(Transport &t)
{
    DWORD op = 0;
    if (!t.impersonate_client())
        return GetLastError();
    DWORD err = t.read_request(&op);
    if (err == ERROR_SUCCESS)
        err = RunOperation(op);
    t.revert();
    return err;
}
