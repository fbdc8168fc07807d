// Named-pipe print-spool server: the handler reads a job request, impersonates the
// client and opens the document the client wants printed. The BOOL returned by
// ImpersonateNamedPipeClient is discarded: when the call fails (the client connected at
// SecurityIdentification level, the pipe is broken, ...) the document is opened with
// the service's own token, so any client can spool a file only the service may read.
// Reported at the begin, with one note at the first protected operation. BUGGY.
#include <windows.h>

#define MAX_DOC 260

typedef struct {
    DWORD jobId;
    WCHAR document[MAX_DOC];
} SPOOL_REQUEST;

extern DWORD SpoolFromHandle(DWORD jobId, HANDLE document);

DWORD HandleSpoolRequest(HANDLE pipe)
{
    SPOOL_REQUEST req;
    DWORD read = 0, err;
    HANDLE doc;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.document[MAX_DOC - 1] = L'\0';

    ImpersonateNamedPipeClient(pipe); // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    doc = CreateFileW(req.document, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL); // CHECK-NOTE: 'CreateFileW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    RevertToSelf();

    if (doc == INVALID_HANDLE_VALUE)
        return GetLastError();
    err = SpoolFromHandle(req.jobId, doc);
    CloseHandle(doc);
    return err;
}
