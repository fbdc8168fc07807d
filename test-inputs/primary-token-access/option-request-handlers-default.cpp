// The code of option-request-handlers-bug.cpp without the RequestHandlers option: the
// handler's parameters are plain parameters (the default is empty = no function is a
// request handler), exportPath is never used as the client's object, so nothing marks
// it as client data and the write after the revert is silent. The option is what tells
// the check that the dispatcher hands client fields to these functions. CORRECT (silent
// by default; a false negative the option exists for).
#include <windows.h>

namespace stubsvc {

DWORD QueryCallerQuota();

DWORD HandleExportRequest(HANDLE clientToken,
                          const wchar_t *exportPath,
                          const BYTE *data, DWORD cb)
{
    if (!ImpersonateLoggedOnUser(clientToken))
        return GetLastError();
    DWORD quota = QueryCallerQuota();
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (cb > quota)
        return ERROR_NOT_ENOUGH_QUOTA;

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
