// Service code with a Fatal() helper that logs and calls ExitProcess. It is not marked
// noreturn, but every path through it ends the process, so the paths that call it while
// impersonating (a failed revert, a corrupt request) leak nothing. CORRECT.
#include <windows.h>
#include <stdio.h>

static void Fatal(const char *what, DWORD code)
{
    char line[160];
    _snprintf(line, sizeof(line) - 1, "svc: fatal: %s (%lu)\n", what, (unsigned long)code);
    line[sizeof(line) - 1] = '\0';
    OutputDebugStringA(line);
    ExitProcess(code ? code : 1);
}

typedef struct {
    DWORD magic;
    DWORD length;
    WCHAR path[MAX_PATH];
} REQUEST;

#define REQUEST_MAGIC 0x51455251u

DWORD Serve(HANDLE pipe, const REQUEST *req)
{
    DWORD attrs;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    if (req->magic != REQUEST_MAGIC)
        Fatal("corrupt request header", ERROR_INVALID_DATA); /* never returns */

    attrs = GetFileAttributesW(req->path);

    if (!RevertToSelf())
        Fatal("RevertToSelf failed", GetLastError());
    return attrs == INVALID_FILE_ATTRIBUTES ? ERROR_FILE_NOT_FOUND : ERROR_SUCCESS;
}
