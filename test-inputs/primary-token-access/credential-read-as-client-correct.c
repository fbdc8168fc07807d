// Sync agent service (C): as credential-read-after-revert-bug.c, but the credential is
// read while impersonating, so the client gets its own stored password; the revert
// follows on every path. CORRECT.
#include <windows.h>
#include <wincred.h>

DWORD SendStoredPassword(HANDLE pipe)
{
    PCREDENTIALW cred = NULL;
    DWORD written = 0, err = ERROR_SUCCESS;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (!CredReadW(L"contoso-sync", CRED_TYPE_GENERIC, 0, &cred)) {
        err = GetLastError();
        RevertToSelf();
        return err;
    }
    RevertToSelf();
    if (!WriteFile(pipe, cred->CredentialBlob, cred->CredentialBlobSize, &written, NULL))
        err = GetLastError();
    CredFree(cred);
    return err;
}
