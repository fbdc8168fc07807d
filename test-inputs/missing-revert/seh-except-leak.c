// __try/__except around the client's work: when parsing the client's buffer raises an
// access violation, the __except handler turns it into an error code and returns -- the
// RevertToSelf at the end of the __try body never ran. BUGGY.
#include <windows.h>

extern DWORD ParseClientBuffer(const BYTE *buffer, DWORD size, WCHAR *name, DWORD cch);

DWORD OpenNamedResource(HANDLE pipe, const BYTE *buffer, DWORD size, HANDLE *out)
{
    WCHAR name[MAX_PATH];
    DWORD err;

    *out = INVALID_HANDLE_VALUE;
    __try {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'OpenNamedResource' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = ParseClientBuffer(buffer, size, name, MAX_PATH); // CHECK-NOTE: if 'ParseClientBuffer' raises an exception here
        if (err == ERROR_SUCCESS) {
            *out = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
            if (*out == INVALID_HANDLE_VALUE)
                err = GetLastError();
        }
        RevertToSelf();
    } __except (GetExceptionCode() == EXCEPTION_ACCESS_VIOLATION ? EXCEPTION_EXECUTE_HANDLER
                                                                   : EXCEPTION_CONTINUE_SEARCH) {
        return ERROR_INVALID_USER_BUFFER; // CHECK-NOTE: returns here while still impersonating
    }
    return err;
}
