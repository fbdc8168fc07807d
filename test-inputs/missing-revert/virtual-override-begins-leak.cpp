// C++ server with pluggable transports: the request handler talks to a Transport through
// its base class. The pipe transport, defined in this file, implements
// impersonate_client() with ImpersonateNamedPipeClient and revert() with RevertToSelf.
// The handler returns early on a bad request after impersonating, so the pool thread
// keeps the client's token. The call through the base reference runs the override.
// BUGGY.
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
    if (!t.impersonate_client()) // CHECK-WARNING: impersonation begun by the call to 'impersonate_client' is still in force when 'Serve' returns [impersonation-missing-revert]
        return GetLastError(); // CHECK-NOTE@-1: assuming the condition is false
    DWORD err = t.read_request(&op);
    if (err != ERROR_SUCCESS) // CHECK-NOTE: assuming the condition is true
        return err; // CHECK-NOTE: returns here while still impersonating
    err = RunOperation(op);
    t.revert();
    return err;
}
