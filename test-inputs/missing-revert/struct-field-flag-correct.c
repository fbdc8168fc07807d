// Connection context whose "impersonating" field records the state: set right after a
// successful begin, cleared by the revert helper, and tested before reverting at the
// end of the request. Several steps in between may fail. CORRECT.
#include <windows.h>

typedef struct {
    HANDLE pipe;
    BOOL impersonating;
    DWORD lastError;
    WCHAR requested[MAX_PATH];
} CONNECTION;

extern BOOL ReadRequest(CONNECTION *conn);
extern BOOL SendFile(CONNECTION *conn, HANDLE file);

static BOOL BeginClient(CONNECTION *conn)
{
    if (!ImpersonateNamedPipeClient(conn->pipe)) {
        conn->lastError = GetLastError();
        return FALSE;
    }
    conn->impersonating = TRUE;
    return TRUE;
}

static void EndClient(CONNECTION *conn)
{
    if (conn->impersonating) {
        RevertToSelf();
        conn->impersonating = FALSE;
    }
}

DWORD ServeConnection(CONNECTION *conn)
{
    HANDLE file = INVALID_HANDLE_VALUE;

    conn->impersonating = FALSE;
    conn->lastError = ERROR_SUCCESS;

    if (!ReadRequest(conn))
        return ERROR_BAD_FORMAT;
    if (!BeginClient(conn))
        goto done;

    file = CreateFileW(conn->requested, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        conn->lastError = GetLastError();
        goto done;
    }
    EndClient(conn); /* the transfer itself runs as the service */
    if (!SendFile(conn, file))
        conn->lastError = GetLastError();

done:
    EndClient(conn);
    if (file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    return conn->lastError;
}
