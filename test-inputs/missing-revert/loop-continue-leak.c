// Batch handler where the "skip this record" path uses continue before the revert at
// the bottom of the loop body. The next iteration impersonates again on top of it and,
// after the last record, the function returns still impersonating. BUGGY.
#include <windows.h>

typedef struct {
    DWORD length;
    WCHAR target[MAX_PATH];
} RECORD;

DWORD ProcessBatch(HANDLE pipe, const RECORD *records, DWORD count)
{
    DWORD i, done = 0;

    for (i = 0; i < count; i++) { // CHECK-NOTE: assuming the condition is true
        const RECORD *r = &records[i];
        HANDLE file;

        // The witness: the first begin succeeds, the record is skipped, the loop runs
        // again and the second begin fails -- the first impersonation is still in force.
        // CHECK-WARNING@+3: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ProcessBatch' returns [impersonation-missing-revert]
        // CHECK-NOTE@+2: assuming the condition is false
        // CHECK-NOTE@+1: assuming the condition is true
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError(); // CHECK-NOTE: returns here while still impersonating

        if (r->length == 0 || r->length >= MAX_PATH) // CHECK-NOTE: assuming the condition is true
            continue; /* skips the RevertToSelf below */

        file = CreateFileW(r->target, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (file != INVALID_HANDLE_VALUE) {
            CloseHandle(file);
            done++;
        }
        RevertToSelf();
    }
    return done; // CHECK-NOTE: returns here while still impersonating
}
