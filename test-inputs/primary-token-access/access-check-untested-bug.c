// Terminal broker (C): as access-check-broker-correct.c, but the broker never looks at
// AccessCheck's verdict (only at whether the call itself worked): any client gets the
// console's handles duplicated into its process, opened with the service's token. BUGGY.
#include <windows.h>

struct BrokerRequest {
    DWORD pid;
};

extern HANDLE g_consoleOut;
extern PSECURITY_DESCRIPTOR g_consoleSd;

DWORD ServeHandleRequest(HANDLE pipe)
{
    struct BrokerRequest req;
    DWORD got = 0, granted = 0, privLen = sizeof(PRIVILEGE_SET);
    BOOL allowed = FALSE;
    PRIVILEGE_SET privs;
    GENERIC_MAPPING map = { GENERIC_READ, GENERIC_WRITE, GENERIC_EXECUTE, GENERIC_ALL };
    HANDLE token = NULL, client = NULL, dup = NULL;
    DWORD err = ERROR_SUCCESS;

    if (!ReadFile(pipe, &req, sizeof req, &got, NULL) || got != sizeof req) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token)) {
        err = GetLastError();
        RevertToSelf();
        return err;
    }
    if (!AccessCheck(g_consoleSd, token, GENERIC_WRITE, &map, &privs, &privLen, &granted,
                     &allowed))
        err = GetLastError();
    CloseHandle(token);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;

    // CHECK-WARNING@+1: 'OpenProcess' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    client = OpenProcess(PROCESS_DUP_HANDLE, FALSE, req.pid);
    if (client == NULL)
        return GetLastError();
    if (!DuplicateHandle(GetCurrentProcess(), g_consoleOut, client, &dup, 0, FALSE,
                         DUPLICATE_SAME_ACCESS))
        err = GetLastError();
    CloseHandle(client);
    if (err == ERROR_SUCCESS && !WriteFile(pipe, &dup, sizeof dup, &got, NULL))
        err = GetLastError();
    return err;
}
