// A retry loop whose body is a __try/__finally: the revert is in the __finally, and
// the body leaves with "goto give_up" on a fatal error and with "continue" on a
// retryable one. Both exits run the __finally. CORRECT.
#include <windows.h>

#define MAX_TRIES 3

DWORD OpenClientLogWithRetry(HANDLE token, const WCHAR *path, HANDLE *out)
{
    DWORD tries, err = ERROR_SUCCESS;

    *out = INVALID_HANDLE_VALUE;
    for (tries = 0; tries < MAX_TRIES; tries++) {
        if (!ImpersonateLoggedOnUser(token))
            return GetLastError();
        __try {
            *out = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
            if (*out != INVALID_HANDLE_VALUE) {
                err = ERROR_SUCCESS;
                goto done;
            }
            err = GetLastError();
            if (err != ERROR_SHARING_VIOLATION)
                goto give_up;
            Sleep(50);
            continue;
        } __finally {
            RevertToSelf();
        }
    }
give_up:
    return err;
done:
    return ERROR_SUCCESS;
}
