// The fixed-name exemption belongs to a TESTED failure branch only. Here the begin's
// result is discarded, then the handler appends an audit line to the service's own log
// (a macro constant) and opens the client's file. Both run on the failure path without
// the code knowing; the note is at the protected operation reached FIRST on that path,
// the audit log's CreateFileW (the spec: "the protected operation reached first on the
// witness path"; the fixed name does not matter when nothing was tested). BUGGY.
#include <windows.h>

#define AUDIT_LOG L"C:\\ProgramData\\Contoso\\Vault\\audit.log"

typedef struct {
    DWORD op;
    WCHAR item[MAX_PATH];
} VAULT_REQUEST;

DWORD HandleVaultRead(HANDLE pipe, HANDLE *item)
{
    static const char line[] = "vault: read request\r\n";
    VAULT_REQUEST req;
    DWORD read = 0, written = 0;
    HANDLE audit;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.item[MAX_PATH - 1] = L'\0';

    ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    audit = CreateFileW(AUDIT_LOG, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    WriteFile(audit, line, sizeof(line) - 1, &written, NULL);
    CloseHandle(audit);

    *item = CreateFileW(req.item, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    RevertToSelf();
    return *item == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}
