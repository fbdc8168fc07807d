// Batch handler: one pipe carries several records; each is processed under the
// client's identity. Records that fail validation are skipped with "continue" and a
// fatal record ends the batch with "break" -- both only after reverting. CORRECT.
#include <windows.h>

typedef struct {
    DWORD kind;
    DWORD length;
    WCHAR target[MAX_PATH];
} RECORD;

#define KIND_END 0
#define KIND_TOUCH 1

DWORD ProcessBatch(HANDLE pipe, const RECORD *records, DWORD count)
{
    DWORD i, done = 0;

    for (i = 0; i < count; i++) {
        const RECORD *r = &records[i];
        HANDLE file;

        if (r->kind == KIND_END)
            break;

        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();

        if (r->length == 0 || r->length >= MAX_PATH) {
            RevertToSelf();
            continue;
        }

        file = CreateFileW(r->target, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (file == INVALID_HANDLE_VALUE) {
            RevertToSelf();
            break;
        }
        CloseHandle(file);
        RevertToSelf();
        done++;
    }
    return done == count ? ERROR_SUCCESS : ERROR_PARTIAL_COPY;
}
