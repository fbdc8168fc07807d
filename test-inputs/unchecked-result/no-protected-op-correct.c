// Named-pipe "who am I" diagnostic: the service impersonates the client only to ask
// which identity is in force (GetUserNameW) and writes the answer back on the pipe it
// already has open. ImpersonateNamedPipeClient's result is discarded, but nothing
// between the begin and the revert opens, creates or starts anything: GetUserNameW,
// WriteFile and FlushFileBuffers on an open handle are not protected operations, so
// nothing runs with the wrong token (a failed begin yields a wrong answer, not an
// access). The spec's rule: no protected operation, no report. CORRECT (silent).
#include <windows.h>

DWORD HandleWhoAmI(HANDLE pipe)
{
    WCHAR name[257];
    BYTE request[16];
    DWORD cch = 257, read = 0, written = 0, err = ERROR_SUCCESS;

    if (!ReadFile(pipe, request, sizeof(request), &read, NULL))
        return GetLastError();

    ImpersonateNamedPipeClient(pipe);
    if (!GetUserNameW(name, &cch)) {
        err = GetLastError();
        cch = 1;
        name[0] = L'\0';
    }
    if (!WriteFile(pipe, name, cch * sizeof(WCHAR), &written, NULL))
        err = GetLastError();
    FlushFileBuffers(pipe);
    RevertToSelf();
    return err;
}
