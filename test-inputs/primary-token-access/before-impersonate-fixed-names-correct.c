// Before impersonating, the handler does the service's own bookkeeping: it opens its
// "indexer ready" event (a fixed name), checks its maintenance flag file (a fixed path),
// opens the client process by the pid the KERNEL reports for the pipe
// (GetNamedPipeClientProcessId: not data the client sent) and creates an unnamed
// section whose SIZE comes from the request (client data, but not in the name
// argument). None of these names is the client's. The client's path is opened as the
// client. CORRECT.
#include <windows.h>

typedef struct {
    DWORD size;
    WCHAR path[MAX_PATH];
} INDEX_REQUEST;

extern DWORD IndexInto(HANDLE file, HANDLE section, HANDLE clientProcess);

DWORD HandleIndexRequest(HANDLE pipe)
{
    INDEX_REQUEST req;
    DWORD read = 0, err, pid = 0;
    HANDLE ready, client = NULL, section, file;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.path[MAX_PATH - 1] = L'\0';

    ready = OpenEventW(SYNCHRONIZE, FALSE, L"Global\\ContosoIndexerReady");
    if (ready == NULL)
        return ERROR_SERVICE_NOT_ACTIVE;
    CloseHandle(ready);
    if (GetFileAttributesW(L"C:\\ProgramData\\Indexer\\maintenance.flag") != INVALID_FILE_ATTRIBUTES)
        return ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
    if (GetNamedPipeClientProcessId(pipe, &pid))
        client = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    section = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, req.size, NULL);
    if (section == NULL) {
        err = GetLastError();
        goto out;
    }

    if (!ImpersonateNamedPipeClient(pipe)) {
        err = GetLastError();
        CloseHandle(section);
        goto out;
    }
    file = CreateFileW(req.path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (err == ERROR_SUCCESS) {
        err = IndexInto(file, section, client);
        CloseHandle(file);
    }
    CloseHandle(section);
out:
    if (client != NULL)
        CloseHandle(client);
    return err;
}
