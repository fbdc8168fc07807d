// Management service (C++): requests of the lower privilege classes are served as the
// caller; administrators' requests run as the service (they manage the service itself).
// The handler tests `kind <= Privilege::Operator` before the begin and again before the
// revert; the enum ordering makes both tests the same. CORRECT.
#include <windows.h>

enum class Privilege { Guest, User, Operator, Admin };

struct Request {
    Privilege kind;
    HANDLE pipe;
    DWORD op;
};

DWORD RunOperation(DWORD op); // dispatch.cpp

DWORD ServeManagement(Request *req)
{
    if (req->kind <= Privilege::Operator) {
        if (!ImpersonateNamedPipeClient(req->pipe))
            return GetLastError();
    }
    DWORD err = RunOperation(req->op);
    if (req->kind < Privilege::Admin)
        RevertToSelf();
    return err;
}
