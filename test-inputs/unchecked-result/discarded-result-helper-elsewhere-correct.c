// Report exporter service (C): as discarded-result-helper-elsewhere-bug.c, but a failed
// impersonation ends the request before the exporter runs. CORRECT.
#include <windows.h>

DWORD ExportUserReport(const WCHAR *target); /* export.c: creates and writes target */

DWORD HandleExport(HANDLE pipe, const WCHAR *target)
{
    DWORD err;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    err = ExportUserReport(target);
    RevertToSelf();
    return err;
}
