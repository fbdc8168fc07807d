// The service's dispatcher (another file) unmarshals each message and calls
// stubsvc::Handle<Name>Request with the fields. RequestHandlers names those handlers,
// so their parameters are client data. HandleExportRequest impersonates the client's
// token only to read the caller's quota, reverts, and writes the export file named by
// the client as the service. Without the option the same code is silent: see
// option-request-handlers-default.cpp. BUGGY — RequestHandlers.
// RUN-OPTION: impersonation-primary-token-access.RequestHandlers: '^stubsvc::Handle[A-Za-z]+Request$'
#include <windows.h>

namespace stubsvc {

DWORD QueryCallerQuota();

DWORD HandleExportRequest(HANDLE clientToken,
                          const wchar_t *exportPath, // CHECK-NOTE: 'exportPath' holds data from the client
                          const BYTE *data, DWORD cb)
{
    if (!ImpersonateLoggedOnUser(clientToken))
        return GetLastError();
    DWORD quota = QueryCallerQuota();
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (cb > quota)
        return ERROR_NOT_ENOUGH_QUOTA;

    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    HANDLE file = CreateFileW(exportPath, GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    DWORD written = 0, err = ERROR_SUCCESS;
    if (!WriteFile(file, data, cb, &written, nullptr))
        err = GetLastError();
    CloseHandle(file);
    return err;
}

} // namespace stubsvc
