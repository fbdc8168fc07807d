// The same shape as cleanup-helper-correct.c, but the Cleanup(ctx) helper only releases
// handles and memory: nothing reverts, and the impersonation begun in ServeRead leaks
// on every exit after it succeeds. BUGGY.
#include <windows.h>

typedef struct {
    HANDLE pipe;
    HANDLE file;
    BYTE *buffer;
} REQUEST_CTX;

static void Cleanup(REQUEST_CTX *ctx)
{
    if (ctx->file != INVALID_HANDLE_VALUE)
        CloseHandle(ctx->file);
    if (ctx->buffer)
        HeapFree(GetProcessHeap(), 0, ctx->buffer);
}

DWORD ServeRead(REQUEST_CTX *ctx, const WCHAR *path, DWORD size)
{
    DWORD got = 0;

    ctx->file = INVALID_HANDLE_VALUE;
    ctx->buffer = HeapAlloc(GetProcessHeap(), 0, size);
    if (ctx->buffer == NULL)
        return ERROR_OUTOFMEMORY;

    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ServeRead' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(ctx->pipe)) {
        Cleanup(ctx);
        return GetLastError();
    }

    ctx->file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (ctx->file == INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is true
        DWORD err = GetLastError();
        Cleanup(ctx);
        return err; // CHECK-NOTE: returns here while still impersonating
    }
    if (!ReadFile(ctx->file, ctx->buffer, size, &got, NULL)) {
        DWORD err = GetLastError();
        Cleanup(ctx);
        return err; // CHECK-NOTE: returns here while still impersonating
    }
    Cleanup(ctx);
    return ERROR_SUCCESS; // CHECK-NOTE: returns here while still impersonating
}
