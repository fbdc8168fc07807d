// Document-preview service: to "render untrusted uploads with no rights at all" it puts
// the anonymous token on the thread (ImpersonateAnonymousToken) and starts the renderer
// with CreateProcessW. The renderer gets the service's PRIMARY token, LocalSystem, the
// opposite of the intent. The spec reports spawns under an anonymous token like under the
// client's; the begin note keeps its one wording ("impersonates the client"). The command
// line is service-chosen (spool path from a lookup), so primary-token-access is silent.
// CREATE_SUSPENDED on a PROCESS is no handover (that is for threads given a token).
// The begin is tested; every path reverts. BUGGY.
#include <windows.h>
#include <strsafe.h>

extern BOOL GetSpoolFileForJob(DWORD jobId, WCHAR *path, size_t cch); /* spool.c */

DWORD RenderPreview(DWORD jobId, HANDLE *rendererOut)
{
    WCHAR spool[MAX_PATH], cmd[2 * MAX_PATH];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD err = ERROR_SUCCESS;

    if (!GetSpoolFileForJob(jobId, spool, ARRAYSIZE(spool)))
        return ERROR_NOT_FOUND;
    if (FAILED(StringCchPrintfW(cmd, ARRAYSIZE(cmd),
                                L"\"C:\\Program Files\\Contoso\\render.exe\" --in \"%ls\"", spool)))
        return ERROR_FILENAME_EXCED_RANGE;

    if (!ImpersonateAnonymousToken(GetCurrentThread())) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    // CHECK-WARNING@+1: 'CreateProcessW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    if (CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW | CREATE_SUSPENDED, NULL,
                       NULL, &si, &pi)) {
        CloseHandle(pi.hThread);
        *rendererOut = pi.hProcess;
    } else {
        err = GetLastError();
    }
    RevertToSelf();
    return err;
}
