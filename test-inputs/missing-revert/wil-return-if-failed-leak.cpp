// WIL-style error macros (defined here as WIL defines them: each hides a "return").
// After impersonating the pipe client, RETURN_IF_WIN32_BOOL_FALSE and RETURN_IF_FAILED
// return the error as the client -- the hidden returns skip the RevertToSelf. BUGGY.
#include <windows.h>

#define RETURN_IF_FAILED(expr)                                                             \
    do {                                                                                   \
        HRESULT __hrRet = (expr);                                                          \
        if (FAILED(__hrRet))                                                               \
            return __hrRet;                                                                \
    } while (0)

#define RETURN_LAST_ERROR_IF(cond)                                                         \
    do {                                                                                   \
        if (cond)                                                                          \
            return HRESULT_FROM_WIN32(GetLastError());                                     \
    } while (0)

#define RETURN_IF_WIN32_BOOL_FALSE(expr) RETURN_LAST_ERROR_IF(!(expr))

extern HRESULT ParseManifest(HANDLE file, DWORD *entries);

HRESULT LoadClientManifest(HANDLE pipe, const wchar_t *path, DWORD *entries)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'LoadClientManifest' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    RETURN_IF_WIN32_BOOL_FALSE(ImpersonateNamedPipeClient(pipe));

    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                              nullptr);
    // CHECK-NOTE@+2: assuming the condition is true
    // CHECK-NOTE@+1: returns here while still impersonating
    RETURN_LAST_ERROR_IF(file == INVALID_HANDLE_VALUE);
    RETURN_IF_FAILED(ParseManifest(file, entries)); // CHECK-NOTE: returns here while still impersonating
    CloseHandle(file);

    RevertToSelf();
    return S_OK;
}
