// C++ variant of the handover through the start routine: a std::thread started while
// impersonating runs a lambda that puts the duplicated client token on its own thread
// with SetThreadToken(NULL, token) and takes it off again before it ends. The new thread
// acts as the client only through its own impersonation: correct (silent).
#include <windows.h>
#include <thread>
#include <string>

DWORD ScanAsClient(HANDLE pipe, const std::wstring &path, std::thread &worker)
{
    HANDLE token = nullptr;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    BOOL ok = OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE | TOKEN_QUERY, TRUE, &token);
    DWORD err = ok ? ERROR_SUCCESS : GetLastError();
    if (ok)
        worker = std::thread([token, path] {
            if (!SetThreadToken(nullptr, token))
                return;
            HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                                      OPEN_EXISTING, 0, nullptr);
            if (file != INVALID_HANDLE_VALUE)
                CloseHandle(file);
            if (!SetThreadToken(nullptr, nullptr))
                ExitProcess(ERROR_CANNOT_IMPERSONATE);
            CloseHandle(token);
        });
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return err;
}
