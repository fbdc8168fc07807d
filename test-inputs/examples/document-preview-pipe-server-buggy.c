// Document preview (BUGGY): a named-pipe service that sends back the first bytes of a
// document the client names, for a preview pane.
//
// A client connects to \\.\pipe\docpreview and sends one PREVIEW_REQUEST with a path
// below the document share (e.g. L"alice\\2024-05.stub"). The server impersonates the
// client to check that the client can see the document, reverts, and sends the preview.
//
// The bug: the check and the use run with different tokens. Seeing a file's attributes is
// not reading it, and the open that reads the document runs after RevertToSelf, with the
// service's own token: any client previews any document the service can read, including
// another employee's pay stub. The fixed version is document-preview-pipe-server-fixed.c.
#include <windows.h>

#define PIPE_NAME L"\\\\.\\pipe\\docpreview"
#define SHARE_DIR L"stubs\\"
#define PREVIEW_MAGIC 0x56455250u /* "PREV" */
#define MAX_REL_PATH 64
#define MAX_PREVIEW 4096

typedef struct {
    DWORD magic;
    WCHAR path[MAX_REL_PATH]; /* below the share, NUL-terminated */
} PREVIEW_REQUEST;

typedef struct {
    DWORD status;
    DWORD length;
} PREVIEW_REPLY_HEADER;

static BYTE g_preview[MAX_PREVIEW];

static BOOL IsBelowShare(const WCHAR *path)
{
    size_t i;
    if (path[0] == L'\0' || path[0] == L'\\' || path[0] == L'/')
        return FALSE;
    for (i = 0; i < MAX_REL_PATH && path[i] != L'\0'; i++) {
        if (path[i] == L':' || (path[i] == L'.' && path[i + 1] == L'.'))
            return FALSE;
    }
    return i < MAX_REL_PATH;
}

static void SendReply(HANDLE pipe, DWORD status, const BYTE *data, DWORD length)
{
    PREVIEW_REPLY_HEADER header;
    DWORD written = 0;
    header.status = status;
    header.length = status == ERROR_SUCCESS ? length : 0;
    if (WriteFile(pipe, &header, sizeof(header), &written, NULL) && header.length != 0)
        WriteFile(pipe, data, header.length, &written, NULL);
}

static DWORD ServePreview(HANDLE pipe)
{
    PREVIEW_REQUEST req;
    WCHAR path[MAX_PATH];
    HANDLE doc;
    DWORD read = 0, length = 0, attributes, status = ERROR_SUCCESS;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) || // CHECK-NOTE: the client's data is received here
        req.magic != PREVIEW_MAGIC) {
        SendReply(pipe, ERROR_BAD_FORMAT, NULL, 0);
        return ERROR_BAD_FORMAT;
    }
    req.path[MAX_REL_PATH - 1] = L'\0';
    if (!IsBelowShare(req.path)) {
        SendReply(pipe, ERROR_INVALID_NAME, NULL, 0);
        return ERROR_INVALID_NAME;
    }
    lstrcpyW(path, SHARE_DIR);
    lstrcatW(path, req.path);

    /* Can the client see the document? Ask as the client. */
    if (!ImpersonateNamedPipeClient(pipe)) {
        status = GetLastError();
        SendReply(pipe, status, NULL, 0);
        return status;
    }
    attributes = GetFileAttributesW(path);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (attributes == INVALID_FILE_ATTRIBUTES || (attributes & FILE_ATTRIBUTE_DIRECTORY)) {
        SendReply(pipe, ERROR_FILE_NOT_FOUND, NULL, 0);
        return ERROR_FILE_NOT_FOUND;
    }

    /* BUG: the document is opened with the service's token. */
    doc = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, // CHECK-WARNING: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
                      FILE_ATTRIBUTE_NORMAL, NULL);
    if (doc == INVALID_HANDLE_VALUE) {
        status = GetLastError();
    } else {
        if (!ReadFile(doc, g_preview, sizeof(g_preview), &length, NULL))
            status = GetLastError();
        CloseHandle(doc);
    }
    SendReply(pipe, status, g_preview, length);
    return status;
}

int main(void)
{
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, MAX_PREVIEW,
                                       sizeof(PREVIEW_REQUEST), 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            ServePreview(pipe);
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
