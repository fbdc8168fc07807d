// Sync agent service (C): a client asks over a pipe for its stored server password. The
// handler impersonates only to log who asked, reverts, and then reads the generic
// credential with CredReadW: the credential set read is the one of whoever the thread
// is, now the service account, so every client gets the service's own password. BUGGY.
#include <windows.h>
#include <wincred.h>

DWORD SendStoredPassword(HANDLE pipe)
{
    PCREDENTIALW cred = NULL;
    DWORD written = 0, err = ERROR_SUCCESS;
    WCHAR who[256];
    DWORD cch = 256;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!GetUserNameW(who, &cch))
        who[0] = L'\0';
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    OutputDebugStringW(who);

    // CHECK-WARNING@+1: 'CredReadW' reaches the service's own user objects instead of the client's: it runs with the service's own token [impersonation-primary-token-access]
    if (!CredReadW(L"contoso-sync", CRED_TYPE_GENERIC, 0, &cred))
        return GetLastError();
    if (!WriteFile(pipe, cred->CredentialBlob, cred->CredentialBlobSize, &written, NULL))
        err = GetLastError();
    CredFree(cred);
    return err;
}
