// A function the engine cannot analyse (a __try/__finally inside a GNU statement
// expression: clang builds no control-flow graph for it). With missing-revert disabled,
// the first enabled check says so instead of staying silent about the accesses it could
// not check, and only one check says it (spawn-while-impersonating, also enabled, does
// not repeat it).
// RUN-CHECKS: -*,impersonation-primary-token-access,impersonation-spawn-while-impersonating
#include <windows.h>

typedef struct {
    WCHAR path[MAX_PATH];
} REQUEST;

int ServeOpen(HANDLE pipe) // CHECK-WARNING: 'ServeOpen' uses impersonation but was not analysed: clang could not build a control-flow graph for it; its accesses are not checked [impersonation-primary-token-access]
{
    REQUEST req;
    DWORD got = 0;
    HANDLE file;
    if (!ReadFile(pipe, &req, sizeof(req), &got, NULL))
        return -1;
    if (!ImpersonateNamedPipeClient(pipe))
        return -1;
    file = ({
        HANDLE h = INVALID_HANDLE_VALUE;
        __try {
            h = CreateFileW(req.path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
        } __finally {
            RevertToSelf();
        }
        h;
    });
    if (file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    return 0;
}
