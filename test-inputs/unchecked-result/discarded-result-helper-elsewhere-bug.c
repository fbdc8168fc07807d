// Report exporter service (C): the handler impersonates the pipe client and calls the
// exporter, which lives in another file and writes the report to a path the client
// chose. ImpersonateNamedPipeClient's result is dropped: when it fails, the exporter
// writes with the service's token. The file access is out of sight, in export.c, but
// the helper is the service's own code doing the request's work. BUGGY.
#include <windows.h>

DWORD ExportUserReport(const WCHAR *target); /* export.c: creates and writes target */

DWORD HandleExport(HANDLE pipe, const WCHAR *target)
{
    DWORD err;
    ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    err = ExportUserReport(target); // CHECK-NOTE: 'ExportUserReport' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    RevertToSelf();
    return err;
}
