// SSPI-authenticated backup agent (legacy code): after AcceptSecurityContext the handler
// impersonates the remote user with ImpersonateSecurityContext and starts the per-user
// backup with WinExec, expecting it to run as that user. WinExec creates a process with
// the service's primary token: the backup reads every profile as LocalSystem. The status
// is tested and RevertSecurityContext runs on every path. BUGGY.
#define SECURITY_WIN32
#include <windows.h>
#include <sspi.h>

#define BACKUP_CMD "\"C:\\Program Files\\Contoso\\Backup\\userbackup.exe\" /current-user /quiet"

typedef struct {
    CtxtHandle context;
    DWORD lastError;
} AGENT_SESSION;

DWORD StartUserBackup(AGENT_SESSION *session)
{
    UINT rc;
    SECURITY_STATUS status = ImpersonateSecurityContext(&session->context); // CHECK-NOTE: the thread impersonates the client from here
    if (status != SEC_E_OK)
        return session->lastError = (DWORD)status;

    rc = WinExec(BACKUP_CMD, SW_HIDE); // CHECK-WARNING: 'WinExec' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    session->lastError = rc > 31 ? ERROR_SUCCESS : ERROR_FILE_NOT_FOUND;

    RevertSecurityContext(&session->context);
    return session->lastError;
}
