// Terminal broker (C): a client asks over a pipe for duplicates of the console's pipe
// handles into its own process. The broker impersonates the client only to run the access
// check of the console's security descriptor with the client's token, reverts, and when
// the check grants access opens the client's process itself (it needs PROCESS_DUP_HANDLE,
// which the client may not have on its own process in another session) and duplicates the
// handles. The access decision was made for the client: the open as the service is the
// broker's purpose. CORRECT.
#include <windows.h>

struct BrokerRequest {
    DWORD pid;
};

extern HANDLE g_consoleOut;
extern PSECURITY_DESCRIPTOR g_consoleSd;

DWORD ServeHandleRequest(HANDLE pipe)
{
    struct BrokerRequest req;
    DWORD got = 0, pid = 0, granted = 0, privLen = sizeof(PRIVILEGE_SET);
    BOOL allowed = FALSE;
    PRIVILEGE_SET privs;
    GENERIC_MAPPING map = { GENERIC_READ, GENERIC_WRITE, GENERIC_EXECUTE, GENERIC_ALL };
    HANDLE token = NULL, client = NULL, dup = NULL;
    DWORD err = ERROR_SUCCESS;

    if (!ReadFile(pipe, &req, sizeof req, &got, NULL) || got != sizeof req)
        return ERROR_BAD_FORMAT;
    if (!GetNamedPipeClientProcessId(pipe, &pid))
        pid = req.pid;
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
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;
    if (!allowed)
        return ERROR_ACCESS_DENIED;

    client = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid);
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
