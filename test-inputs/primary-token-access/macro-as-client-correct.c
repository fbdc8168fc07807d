// The fix of macro-open-after-revert-bug.c with the same house macros: the image is
// opened between IMPERSONATE_OR_RETURN and REVERT_OR_DIE, so the open is the client's;
// the rendering afterwards works on the handle. CORRECT.
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

extern DWORD RenderThumbnail(HANDLE image, DWORD size, HANDLE pipe);

DWORD HandleThumbnail(HANDLE pipe)
{
    THUMB_REQUEST req;
    DWORD read = 0, err;
    HANDLE image;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.image[MAX_PATH - 1] = L'\0';

    IMPERSONATE_OR_RETURN(pipe);
    image = OPEN_SHARED_READ(req.image);
    err = image == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    REVERT_OR_DIE();
    if (err != ERROR_SUCCESS)
        return err;

    err = RenderThumbnail(image, req.size, pipe);
    CloseHandle(image);
    return err;
}
