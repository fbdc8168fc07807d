// A request header carries option bits; REQ_AS_CLIENT asks the server to act as the
// client. The begin and the revert are both guarded by "req->flags & REQ_AS_CLIENT",
// and nothing in between changes the flags. CORRECT.
#include <windows.h>

#define REQ_AS_CLIENT 0x0001u
#define REQ_CREATE    0x0002u
#define REQ_APPEND    0x0004u

typedef struct {
    UINT32 flags;
    UINT32 length;
    WCHAR path[MAX_PATH];
} REQUEST_HEADER;

DWORD OpenTarget(HANDLE pipe, const REQUEST_HEADER *req, HANDLE *out)
{
    DWORD disposition = (req->flags & REQ_CREATE) ? OPEN_ALWAYS : OPEN_EXISTING;
    DWORD access = (req->flags & REQ_APPEND) ? FILE_APPEND_DATA : GENERIC_READ;
    DWORD err = ERROR_SUCCESS;

    if (req->flags & REQ_AS_CLIENT) {
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
    }

    *out = CreateFileW(req->path, access, FILE_SHARE_READ, NULL, disposition, 0, NULL);
    if (*out == INVALID_HANDLE_VALUE)
        err = GetLastError();

    if (req->flags & REQ_AS_CLIENT)
        RevertToSelf();
    return err;
}
