// Path builders of the same file pass the client's data on: BuildStubPath formats the
// client's employee name into its out-parameter, NormalizeName returns a pointer into
// the name it was given. Both results are opened after the revert: reported, with the
// receive as the origin. StubPathForId builds a path from a service table by number
// (no client bytes reach the name): silent, like any lookup. BUGGY.
#include <windows.h>
#include <strsafe.h>

typedef struct {
    DWORD id;
    WCHAR employee[64];
} STUB_REQUEST;

static const WCHAR *const g_periods[] = {L"2024-01", L"2024-02"};

static HRESULT BuildStubPath(const WCHAR *employee, WCHAR *out, size_t cch)
{
    return StringCchPrintfW(out, cch, L"C:\\Stubs\\%ls.stub", employee);
}

static const WCHAR *NormalizeName(const WCHAR *name)
{
    while (*name == L' ')
        name++;
    return name;
}

static HRESULT StubPathForId(DWORD id, WCHAR *out, size_t cch)
{
    return StringCchPrintfW(out, cch, L"C:\\Stubs\\%ls.idx", g_periods[id % 2]);
}

DWORD HandleStub(HANDLE pipe)
{
    STUB_REQUEST req;
    DWORD read = 0;
    BOOL allowed;
    WCHAR path[MAX_PATH], index[MAX_PATH];

    // CHECK-NOTE@+2: the client's data is received here
    // CHECK-NOTE@+1: the client's data is received here
    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.employee[63] = L'\0';
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    allowed = GetFileAttributesW(L"C:\\Stubs\\.acl") != INVALID_FILE_ATTRIBUTES;
    // CHECK-NOTE@+2: impersonation ends here
    // CHECK-NOTE@+1: impersonation ends here
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!allowed)
        return ERROR_ACCESS_DENIED;

    if (FAILED(BuildStubPath(req.employee, path, MAX_PATH)))
        return ERROR_INVALID_NAME;
    DeleteFileW(path); // CHECK-WARNING: 'DeleteFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    DeleteFileW(NormalizeName(req.employee)); // CHECK-WARNING: 'DeleteFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (SUCCEEDED(StubPathForId(req.id, index, MAX_PATH)))
        DeleteFileW(index);
    return ERROR_SUCCESS;
}
