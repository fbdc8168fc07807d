// MSVC-mode analysis: the code is parsed as MSVC parses it (x86_64-pc-windows-msvc,
// -fms-compatibility) against small hand-written SDK stand-ins in msvc-headers/, with
// no system headers at all. One member function leaks on its short-read path; a second
// one, written with __try/__finally, is correct. BUGGY (Read only).
// RUN-FLAGS: -x c++ --target=x86_64-pc-windows-msvc -fms-compatibility -fms-extensions -nostdinc -I%S/msvc-headers
#include <windows.h>

class PipeFileServer {
public:
    explicit PipeFileServer(HANDLE pipe) : pipe_(pipe) {}
    DWORD Read(LPCWSTR path, BYTE *buffer, DWORD size, DWORD *got);
    DWORD Write(LPCWSTR path, const BYTE *data, DWORD size);

private:
    HANDLE pipe_;
};

DWORD PipeFileServer::Read(LPCWSTR path, BYTE *buffer, DWORD size, DWORD *got)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'PipeFileServer::Read' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe_))
        return GetLastError();

    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                              nullptr);
    if (file == INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is false
        DWORD err = GetLastError();
        RevertToSelf();
        return err;
    }
    BOOL ok = ReadFile(file, buffer, size, got, nullptr);
    CloseHandle(file);
    if (ok && *got < size) // CHECK-NOTE: assuming the condition is true
        return ERROR_INSUFFICIENT_BUFFER; // CHECK-NOTE: returns here while still impersonating
    RevertToSelf();
    return ok ? ERROR_SUCCESS : GetLastError();
}

DWORD PipeFileServer::Write(LPCWSTR path, const BYTE *data, DWORD size)
{
    DWORD err = ERROR_SUCCESS, written = 0;
    HANDLE file = INVALID_HANDLE_VALUE;

    if (data == nullptr)
        return ERROR_INVALID_PARAMETER;
    if (!ImpersonateNamedPipeClient(pipe_))
        return GetLastError();
    __try {
        file = CreateFileW(path, GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
        if (file == INVALID_HANDLE_VALUE) {
            err = GetLastError();
            __leave;
        }
        if (!WriteFile(file, data, size, &written, nullptr))
            err = GetLastError();
    } __finally {
        if (file != INVALID_HANDLE_VALUE)
            CloseHandle(file);
        if (!RevertToSelf())
            ExitProcess(1);
    }
    return err;
}
