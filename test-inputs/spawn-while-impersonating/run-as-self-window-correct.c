// Run-as-self window: a helper called while the thread impersonates the pipe client needs
// the service's identity to start the service's own indexer. It saves the thread token,
// reverts, starts the indexer (fixed command line), and puts the client's token back
// (terminating if that fails). At the CreateProcessW the thread is not impersonating, in
// the helper's own analysis and in the context of the impersonating caller: a naive
// "helper spawns and is called while impersonating" rule would flag it. CORRECT.
#include <windows.h>

static WCHAR g_indexerCmd[] = L"\"C:\\Program Files\\Contoso\\indexer.exe\" --incremental";

extern DWORD SaveClientDocument(HANDLE pipe); /* as the client */

static DWORD KickIndexerAsService(void)
{
    HANDLE saved = NULL;
    DWORD err = ERROR_SUCCESS;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &saved))
        return GetLastError();
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    if (CreateProcessW(NULL, g_indexerCmd, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL,
                       &si, &pi)) {
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } else {
        err = GetLastError();
    }

    if (!SetThreadToken(NULL, saved))
        ExitProcess(ERROR_CANNOT_IMPERSONATE); /* cannot go back to the client safely */
    CloseHandle(saved);
    return err;
}

DWORD HandleSave(HANDLE pipe)
{
    DWORD err;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    err = SaveClientDocument(pipe);
    if (err == ERROR_SUCCESS)
        err = KickIndexerAsService();
    RevertToSelf();
    return err;
}
