// "Print to file" spooler over a named pipe (BUGGY).
//
// A client connects to \\.\pipe\printtofile, sends a PRINT_HEADER naming the file to print
// to, waits for the one-DWORD "ready" answer, sends the document as any number of messages
// and closes its end of the pipe: the end of the pipe is the end of the document. The
// server then writes the document to the file as the client, so the file's ACL decides
// where a client may print to.
//
// The bug: the server impersonates the client only after the upload, when the client has
// already gone away. A pipe client that has disconnected cannot be impersonated
// (ERROR_PIPE_NOT_CONNECTED), the result is not checked, and the file is written with the
// service's own token: any client overwrites any file the service can write, for instance
// another employee's pay stub. The fixed version is pipe-print-to-file-client-gone-fixed.c.
#include <windows.h>

#define PIPE_NAME L"\\\\.\\pipe\\printtofile"
#define PRINT_MAGIC 0x544E5250u /* "PRNT" */
#define MAX_DEST 64
#define MAX_DOCUMENT (64 * 1024)
#define MAX_CHUNK 4096

typedef struct {
    DWORD magic;
    WCHAR destination[MAX_DEST]; /* e.g. L"outbox\\alice\\job.prn" */
} PRINT_HEADER;

static BYTE g_document[MAX_DOCUMENT];

static BOOL IsRelativePath(const WCHAR *path)
{
    size_t i;
    if (path[0] == L'\0' || path[0] == L'\\' || path[0] == L'/')
        return FALSE;
    for (i = 0; i < MAX_DEST && path[i] != L'\0'; i++) {
        if (path[i] == L':' || (path[i] == L'.' && path[i + 1] == L'.'))
            return FALSE;
    }
    return i < MAX_DEST;
}

/* Reads the document: messages until the client closes its end. */
static DWORD ReceiveDocument(HANDLE pipe, DWORD *size)
{
    DWORD read = 0;
    *size = 0;
    for (;;) {
        DWORD room = MAX_DOCUMENT - *size;
        if (room == 0)
            return ERROR_FILE_TOO_LARGE;
        if (!ReadFile(pipe, g_document + *size, room < MAX_CHUNK ? room : MAX_CHUNK, &read, NULL)) {
            DWORD err = GetLastError();
            return err == ERROR_BROKEN_PIPE || err == ERROR_PIPE_NOT_CONNECTED ? ERROR_SUCCESS : err;
        }
        if (read == 0)
            return ERROR_SUCCESS;
        *size += read;
    }
}

static void ServePrint(HANDLE pipe)
{
    PRINT_HEADER header;
    HANDLE file;
    DWORD read = 0, written = 0, size = 0, ready = ERROR_SUCCESS;

    if (!ReadFile(pipe, &header, sizeof(header), &read, NULL) || read != sizeof(header) ||
        header.magic != PRINT_MAGIC)
        return;
    header.destination[MAX_DEST - 1] = L'\0';
    if (!IsRelativePath(header.destination))
        ready = ERROR_INVALID_NAME;
    if (!WriteFile(pipe, &ready, sizeof(ready), &written, NULL) || ready != ERROR_SUCCESS)
        return;
    if (ReceiveDocument(pipe, &size) != ERROR_SUCCESS)
        return;

    /* Write the document as the client. BUG: the client has gone; unchecked. */
    ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    file = CreateFileW(header.destination, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (file != INVALID_HANDLE_VALUE) {
        WriteFile(file, g_document, size, &written, NULL);
        CloseHandle(file);
    }
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
}

int main(void)
{
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, sizeof(DWORD), MAX_CHUNK, 0,
                                       NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED)
            ServePrint(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
