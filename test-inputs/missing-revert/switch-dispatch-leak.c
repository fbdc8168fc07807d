// RPC-style opcode dispatcher over a pipe: the handler impersonates once, then
// dispatches. The OP_QUERY_QUOTA case returns its answer directly from inside the
// switch and never reaches the RevertToSelf after it. BUGGY.
#include <windows.h>

enum { OP_READ = 1, OP_DELETE = 2, OP_QUERY_QUOTA = 3 };

typedef struct {
    DWORD op;
    WCHAR path[MAX_PATH];
} REQUEST;

extern DWORD QueryQuotaFor(const WCHAR *path);

DWORD Dispatch(HANDLE pipe, const REQUEST *req)
{
    DWORD result = ERROR_SUCCESS;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'Dispatch' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    switch (req->op) {
    case OP_READ: {
        HANDLE h = CreateFileW(req->path, GENERIC_READ, FILE_SHARE_READ, NULL,
                               OPEN_EXISTING, 0, NULL);
        if (h == INVALID_HANDLE_VALUE)
            result = GetLastError();
        else
            CloseHandle(h);
        break;
    }
    case OP_DELETE:
        if (!DeleteFileW(req->path))
            result = GetLastError();
        break;
    case OP_QUERY_QUOTA: // CHECK-NOTE: taking this case
        return QueryQuotaFor(req->path); // CHECK-NOTE: returns here while still impersonating
    default:
        result = ERROR_INVALID_FUNCTION;
        break;
    }

    RevertToSelf();
    return result;
}
