// One path buffer, three uses. It first holds the client's document path, opened as the
// client. After the revert the handler copies the service's own log name over it and
// appends to the log with its own token: the last write before that open holds nothing of
// the client's, so it is silent. Then it appends the client's name to the buffer and
// removes that file with the service's token: reported. The client data is tracked per
// function, but a full overwrite (StringCchCopyW, a format) with service data written
// before the access in the source hides the earlier contents. BUGGY (once).
#include <windows.h>
#include <strsafe.h>

typedef struct {
    WCHAR document[MAX_PATH];
} PRINT_REQUEST;

DWORD HandlePrint(HANDLE pipe)
{
    PRINT_REQUEST req;
    WCHAR path[MAX_PATH];
    DWORD read = 0, written = 0;
    HANDLE file;

    // CHECK-NOTE@+1: the client's data is received here
    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.document[MAX_PATH - 1] = L'\0';
    if (FAILED(StringCchPrintfW(path, MAX_PATH, L"C:\\Spool\\%ls", req.document)))
        return ERROR_INVALID_NAME;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    CloseHandle(file);

    StringCchCopyW(path, MAX_PATH, L"C:\\ProgramData\\SpoolSvc\\printed.log");
    file = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (file != INVALID_HANDLE_VALUE) {
        WriteFile(file, "printed\r\n", 9, &written, NULL);
        CloseHandle(file);
    }

    StringCchCopyW(path, MAX_PATH, L"C:\\Spool\\done\\");
    StringCchCatW(path, MAX_PATH, req.document);
    DeleteFileW(path); // CHECK-WARNING: 'DeleteFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    return ERROR_SUCCESS;
}
