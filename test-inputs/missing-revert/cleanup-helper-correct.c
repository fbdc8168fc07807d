// A request context and one Cleanup(ctx) helper, defined in the same file, that every
// exit calls: it closes what is open and reverts when ctx->impersonating is set. The
// engine follows the helper through its summary. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE pipe;
    HANDLE file;
    BOOL impersonating;
    BYTE *buffer;
} REQUEST_CTX;

static void Cleanup(REQUEST_CTX *ctx)
{
    if (ctx->file != INVALID_HANDLE_VALUE) {
        CloseHandle(ctx->file);
        ctx->file = INVALID_HANDLE_VALUE;
    }
    if (ctx->impersonating) {
        RevertToSelf();
        ctx->impersonating = FALSE;
    }
    if (ctx->buffer) {
        HeapFree(GetProcessHeap(), 0, ctx->buffer);
        ctx->buffer = NULL;
    }
}

DWORD ServeRead(REQUEST_CTX *ctx, const WCHAR *path, DWORD size)
{
    DWORD got = 0;

    ctx->file = INVALID_HANDLE_VALUE;
    ctx->buffer = NULL;
    ctx->impersonating = FALSE;

    ctx->buffer = HeapAlloc(GetProcessHeap(), 0, size);
    if (ctx->buffer == NULL) {
        Cleanup(ctx);
        return ERROR_OUTOFMEMORY;
    }

    if (!ImpersonateNamedPipeClient(ctx->pipe)) {
        DWORD err = GetLastError();
        Cleanup(ctx);
        return err;
    }
    ctx->impersonating = TRUE;

    ctx->file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (ctx->file == INVALID_HANDLE_VALUE) {
        DWORD err = GetLastError();
        Cleanup(ctx);
        return err;
    }
    if (!ReadFile(ctx->file, ctx->buffer, size, &got, NULL)) {
        DWORD err = GetLastError();
        Cleanup(ctx);
        return err;
    }
    Cleanup(ctx);
    return ERROR_SUCCESS;
}
