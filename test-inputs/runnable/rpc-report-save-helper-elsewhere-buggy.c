// Report archive RPC server, manager routine (BUGGY).
//
// Report_Save is the manager routine of this interface (reports.idl):
//   error_status_t Report_Save([in] handle_t binding, [in, string] const wchar_t *target,
//                              [in, size_is(size)] const byte *report,
//                              [in] unsigned long size);
// Users keep the reports they build on their desktops in folders of their choice, usually
// reports\<user>\... The routine impersonates the caller and hands the write to
// SaveReportFile (reportfile.c, another file of the service: it creates the target and
// writes the report), so the target's ACL decides where a caller may save.
//
// The bug: the result of RpcImpersonateClient is dropped. A caller that binds without
// authentication (no RpcBindingSetAuthInfo) brings no identity, the impersonation fails
// (RPC_S_NO_CONTEXT_AVAILABLE), and SaveReportFile writes with the service's own token:
// anyone can replace any file the service can write, for instance the nightly script the
// service runs as itself. The fixed version is rpc-report-save-helper-elsewhere-fixed.c.
#include <windows.h>
#include <rpc.h>

#define MAX_TARGET 64
#define MAX_REPORT (16 * 1024)

DWORD SaveReportFile(const WCHAR *target, const BYTE *report, DWORD size); /* reportfile.c */

error_status_t Report_Save(handle_t binding, const wchar_t *target, const BYTE *report,
                           DWORD size)
{
    DWORD err;

    if (size > MAX_REPORT || target[0] == L'\0' || lstrlenW(target) >= MAX_TARGET)
        return ERROR_INVALID_PARAMETER;

    RpcImpersonateClient(binding); // CHECK-WARNING: if 'RpcImpersonateClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    err = SaveReportFile(target, report, size); // CHECK-NOTE: 'SaveReportFile' runs here with the service's own token when 'RpcImpersonateClient' failed
    RpcRevertToSelf();
    return err;
}
