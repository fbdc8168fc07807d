// Per-connection context: the service fills ctx->logDir at startup, ReadFile fills
// ctx->request from the pipe. After the revert the handler opens two files as the
// service: its session log under ctx->logDir (a service field: silent, even though the
// same struct holds client data) and the output file named by ctx->request.outputPath
// (client data: reported). The taint is on the field path ctx->request, not on ctx.
// BUGGY.
#include <windows.h>
#include <shlwapi.h>

typedef struct {
    DWORD op;
    WCHAR outputPath[MAX_PATH];
} CONVERT_REQUEST;

typedef struct {
    HANDLE pipe;
    WCHAR logDir[MAX_PATH];  /* set by the service from its configuration */
    CONVERT_REQUEST request; /* filled from the pipe */
} CONNECTION;

extern BOOL CallerMayConvert(DWORD op);
extern void WriteResult(HANDLE log, HANDLE output, DWORD op);

DWORD ProcessConnection(CONNECTION *ctx)
{
    WCHAR logPath[MAX_PATH];
    DWORD read = 0;
    BOOL allowed;
    HANDLE log, output;

    if (!ReadFile(ctx->pipe, &ctx->request, sizeof(ctx->request), &read, NULL)) // CHECK-NOTE: the client's data is received here
        return GetLastError();
    ctx->request.outputPath[MAX_PATH - 1] = L'\0';

    if (!ImpersonateNamedPipeClient(ctx->pipe))
        return GetLastError();
    allowed = CallerMayConvert(ctx->request.op);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!allowed)
        return ERROR_ACCESS_DENIED;

    if (!PathCombineW(logPath, ctx->logDir, L"session.log"))
        return ERROR_INVALID_NAME;
    log = CreateFileW(logPath, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    output = CreateFileW(ctx->request.outputPath, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteResult(log, output, ctx->request.op);
    if (output != INVALID_HANDLE_VALUE)
        CloseHandle(output);
    if (log != INVALID_HANDLE_VALUE)
        CloseHandle(log);
    return ERROR_SUCCESS;
}
