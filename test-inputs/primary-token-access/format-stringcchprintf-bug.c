// Pay-stub server: the path of the stub is formatted from the request with
// StringCchPrintfW. The server impersonates the client only to check that the caller is
// the employee in the request, reverts, and opens the formatted path as itself. The
// period field is the client's ("..\\..\\..\\ProgramData\\PaySvc\\hr.key" reaches any
// file the service can read): the formatted path is still client data. BUGGY.
#include <windows.h>
#include <strsafe.h>

typedef struct {
    DWORD employeeId;
    WCHAR period[16];
} STUB_REQUEST;

extern BOOL CallerIsEmployee(DWORD employeeId);
extern DWORD SendStub(HANDLE pipe, HANDLE stub);

DWORD HandlePayStub(HANDLE pipe)
{
    STUB_REQUEST req;
    WCHAR path[MAX_PATH];
    DWORD read = 0, err;
    BOOL isEmployee;
    HANDLE stub;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.period[15] = L'\0';
    if (FAILED(StringCchPrintfW(path, MAX_PATH, L"D:\\PayStubs\\%lu\\%ls.pdf",
                                (unsigned long)req.employeeId, req.period)))
        return ERROR_INVALID_NAME;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    isEmployee = CallerIsEmployee(req.employeeId);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!isEmployee)
        return ERROR_ACCESS_DENIED;

    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    stub = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (stub == INVALID_HANDLE_VALUE)
        return GetLastError();
    err = SendStub(pipe, stub);
    CloseHandle(stub);
    return err;
}
