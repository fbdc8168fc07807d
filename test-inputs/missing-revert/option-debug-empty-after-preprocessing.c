// CHECK-REMARK: no function body is left in this file after preprocessing: nothing in it was analysed (are the macros it tests defined?) [impersonation-missing-revert]
// Service source (C) whose whole body is built only for the service configuration: run
// without SERVICE_BUILD defined, as an audit with the wrong defines would, nothing is
// left to analyse. With Debug the file says so instead of passing as clean. The begin
// below would leak if it were compiled. NOT ANALYSED.
// RUN-OPTION: Debug: true
#include <windows.h>

#ifdef SERVICE_BUILD
DWORD HandleStatus(HANDLE pipe, DWORD *status)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    *status = 1;
    return ERROR_SUCCESS;
}
#endif
