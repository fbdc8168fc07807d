// Management service (C++): as guard-enum-range-correct.cpp, but the revert's test was
// written `kind < Privilege::Operator`: an operator's request is served as the operator
// and the pool thread keeps the operator's token. BUGGY.
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
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ServeManagement' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(req->pipe))
            return GetLastError();
    }
    DWORD err = RunOperation(req->op);
    if (req->kind < Privilege::Operator) // CHECK-NOTE: assuming the condition is false
        RevertToSelf();
    return err; // CHECK-NOTE: returns here while still impersonating
}
