// Report archive RPC server, manager routine (FIXED).
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
// Fixed from rpc-report-save-helper-elsewhere-buggy.c: when RpcImpersonateClient fails the
// routine returns its status before SaveReportFile runs, so a caller without an identity
// writes nothing.
#include <windows.h>
#include <rpc.h>

#define MAX_TARGET 64
#define MAX_REPORT (16 * 1024)

DWORD SaveReportFile(const WCHAR *target, const BYTE *report, DWORD size); /* reportfile.c */

error_status_t Report_Save(handle_t binding, const wchar_t *target, const BYTE *report,
                           DWORD size)
{
    RPC_STATUS status;
    DWORD err;

    if (size > MAX_REPORT || target[0] == L'\0' || lstrlenW(target) >= MAX_TARGET)
        return ERROR_INVALID_PARAMETER;

    status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK)
        return (error_status_t)status;
    err = SaveReportFile(target, report, size);
    RpcRevertToSelf();
    return err;
}
