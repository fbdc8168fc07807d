// IMPERSONATION_HANDLER on a handler that does it right: the client's parameter names a
// file that is opened only while impersonating the pipe client; after the revert the
// handler writes to the service's own statistics file (a fixed path). The parameters
// are client data, and every access naming them is made as the client. CORRECT.
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -I%S/../../checks/annotations
#include <windows.h>
#include "impersonation_annotations.h"

#define STATS_FILE L"C:\\ProgramData\\ViewerSvc\\stats.dat"

extern DWORD RenderPreview(HANDLE file, HANDLE pipe);

IMPERSONATION_HANDLER DWORD OnPreviewRequest(HANDLE pipe, const WCHAR *document)
{
    HANDLE file, stats;
    DWORD err, written = 0;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    file = CreateFileW(document, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err != ERROR_SUCCESS)
        return err;

    err = RenderPreview(file, pipe);
    CloseHandle(file);

    stats = CreateFileW(STATS_FILE, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (stats != INVALID_HANDLE_VALUE) {
        WriteFile(stats, &err, sizeof(err), &written, NULL);
        CloseHandle(stats);
    }
    return err;
}
