// Thumbnail service whose house macros hide both sides: REVERT_OR_DIE() hides the
// RevertToSelf, OPEN_SHARED_READ() hides the CreateFileW. The image named by the client
// is opened after the revert, with the service's token. Diagnostics are on the lines
// where the macros are used (clang's "expanded from macro" notes are not compared).
// BUGGY.
#include <windows.h>

#define IMPERSONATE_OR_RETURN(pipe)                                                        \
    do {                                                                                   \
        if (!ImpersonateNamedPipeClient(pipe))                                             \
            return GetLastError();                                                         \
    } while (0)
#define REVERT_OR_DIE()                                                                    \
    do {                                                                                   \
        if (!RevertToSelf())                                                               \
            ExitProcess(ERROR_CANNOT_IMPERSONATE);                                         \
    } while (0)
#define OPEN_SHARED_READ(path)                                                             \
    CreateFileW((path), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,                \
                FILE_ATTRIBUTE_NORMAL, NULL)

typedef struct {
    DWORD size;
    WCHAR image[MAX_PATH];
} THUMB_REQUEST;

extern BOOL CallerMayUseThumbnails(void);
extern DWORD RenderThumbnail(HANDLE image, DWORD size, HANDLE pipe);

DWORD HandleThumbnail(HANDLE pipe)
{
    THUMB_REQUEST req;
    DWORD read = 0, err;
    BOOL allowed;
    HANDLE image;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req)) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.image[MAX_PATH - 1] = L'\0';

    IMPERSONATE_OR_RETURN(pipe);
    allowed = CallerMayUseThumbnails();
    REVERT_OR_DIE(); // CHECK-NOTE: impersonation ends here
    if (!allowed)
        return ERROR_ACCESS_DENIED;

    image = OPEN_SHARED_READ(req.image); // CHECK-WARNING: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (image == INVALID_HANDLE_VALUE)
        return GetLastError();
    err = RenderThumbnail(image, req.size, pipe);
    CloseHandle(image);
    return err;
}
