// The fix of std-thread-while-impersonating-bug.cpp as the warning suggests: while
// impersonating, the handler takes a copy of the thread token (OpenThreadToken), reverts,
// and only then starts the std::thread, handing it the token; the lambda impersonates with
// it (checked), writes the export as the client, reverts and closes the token. No spawn
// happens while this thread impersonates. CORRECT.
#include <windows.h>
#include <string>
#include <thread>
#include <vector>

void WriteExport(const std::wstring &target, const std::vector<char> &data); // export.cpp

DWORD HandleExport(HANDLE pipe, const std::wstring &target, std::vector<char> data)
{
    HANDLE token = nullptr;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    BOOL opened = OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &token);
    DWORD err = opened ? ERROR_SUCCESS : GetLastError();
    RevertToSelf();
    if (!opened)
        return err;

    std::thread writer([token, target, data = std::move(data)] {
        if (ImpersonateLoggedOnUser(token)) {
            WriteExport(target, data);
            RevertToSelf();
        }
        CloseHandle(token);
    });
    writer.detach();
    return ERROR_SUCCESS;
}
