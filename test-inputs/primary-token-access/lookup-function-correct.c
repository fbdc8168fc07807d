// The pay stubs live in the service's own store, which employees cannot read. The
// handler impersonates to check that the caller is the employee in the request, reverts,
// and asks GetStubPath (the HR database, in another file) where that employee's stub is.
// The client chose an id, not a path: the lookup's result is the service's data, and
// unknown functions do not propagate client data. The open with the service's token is
// the design. CORRECT.
#include <windows.h>

typedef struct {
    DWORD employeeId;
    DWORD period;
} STUB_REQUEST;

extern BOOL CallerIsEmployee(DWORD employeeId);
extern const WCHAR *GetStubPath(DWORD employeeId, DWORD period);
extern DWORD SendStub(HANDLE pipe, HANDLE stub);

DWORD HandlePayStub(HANDLE pipe)
{
    STUB_REQUEST req;
    DWORD read = 0, err;
    BOOL isEmployee;
    const WCHAR *stubPath;
    HANDLE stub;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    isEmployee = CallerIsEmployee(req.employeeId);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!isEmployee)
        return ERROR_ACCESS_DENIED;

    stubPath = GetStubPath(req.employeeId, req.period);
    if (stubPath == NULL)
        return ERROR_FILE_NOT_FOUND;
    stub = CreateFileW(stubPath, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (stub == INVALID_HANDLE_VALUE)
        return GetLastError();
    err = SendStub(pipe, stub);
    CloseHandle(stub);
    return err;
}
