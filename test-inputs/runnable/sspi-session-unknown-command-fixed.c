// Pay-stub session server over SSPI: the per-message handler (FIXED).
//
// The connection loop (not shown) authenticates each client with AcceptSecurityContext and
// then calls HandleSessionMessage for every message of the session, on its own thread,
// with the session's security context. Every message is first recorded in the service's
// session journal (as the service); then the handler impersonates the client and serves
// the command: CMD_GET_STUB reads stubs\<employee>\<period>.stub as the client.
//
// Fixed from sspi-session-unknown-command-buggy.c: the unknown command leaves the switch
// with `break` like the others, so every message reverts before the handler returns and
// the serving thread goes back to the service's token.
#include <windows.h>
#define SECURITY_WIN32
#include <sspi.h>

#define JOURNAL L"C:\\ProgramData\\PayStub\\sessions.journal"
#define MAX_NAME 16
#define MAX_DATA 4096

enum { CMD_GET_STUB = 1, CMD_PING = 2 };

typedef struct {
    DWORD command;
    WCHAR employee[MAX_NAME];
    WCHAR period[MAX_NAME];
} SESSION_REQUEST;

typedef struct {
    DWORD status;
    DWORD length;
    BYTE data[MAX_DATA];
} SESSION_REPLY;

static BOOL IsValidComponent(const WCHAR *name)
{
    size_t i;
    for (i = 0; i < MAX_NAME && name[i] != L'\0'; i++) {
        WCHAR c = name[i];
        if (c == L'\\' || c == L'/' || c == L':' || (c == L'.' && name[i + 1] == L'.'))
            return FALSE;
    }
    return i > 0 && i < MAX_NAME;
}

/* Appends the command to the service's journal (as the service). */
static BOOL JournalMessage(DWORD command)
{
    DWORD written = 0;
    BOOL ok;
    HANDLE journal = CreateFileW(JOURNAL, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS,
                                 FILE_ATTRIBUTE_NORMAL, NULL);
    if (journal == INVALID_HANDLE_VALUE)
        return FALSE;
    ok = WriteFile(journal, &command, sizeof(command), &written, NULL);
    CloseHandle(journal);
    return ok;
}

static DWORD ReadStub(const SESSION_REQUEST *req, SESSION_REPLY *reply)
{
    WCHAR path[MAX_PATH];
    HANDLE stub;
    DWORD status = ERROR_SUCCESS;

    if (!IsValidComponent(req->employee) || !IsValidComponent(req->period))
        return ERROR_INVALID_NAME;
    lstrcpyW(path, L"stubs\\");
    lstrcatW(path, req->employee);
    lstrcatW(path, L"\\");
    lstrcatW(path, req->period);
    lstrcatW(path, L".stub");
    stub = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (stub == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ReadFile(stub, reply->data, MAX_DATA, &reply->length, NULL))
        status = GetLastError();
    CloseHandle(stub);
    return status;
}

void HandleSessionMessage(PCtxtHandle context, const SESSION_REQUEST *req, SESSION_REPLY *reply)
{
    SECURITY_STATUS ss;

    reply->status = ERROR_SUCCESS;
    reply->length = 0;
    if (!JournalMessage(req->command)) {
        reply->status = ERROR_WRITE_FAULT;
        return;
    }

    ss = ImpersonateSecurityContext(context);
    if (ss != SEC_E_OK) {
        reply->status = ERROR_ACCESS_DENIED;
        return;
    }

    switch (req->command) {
    case CMD_GET_STUB:
        reply->status = ReadStub(req, reply);
        break;
    case CMD_PING:
        break;
    default:
        reply->status = ERROR_INVALID_FUNCTION;
        break;
    }

    if (RevertSecurityContext(context) != SEC_E_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
}
