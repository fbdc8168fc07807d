// C++ pipe service: the request handler impersonates the client and then starts a
// std::thread to write the export "as the client". The std::thread's underlying thread
// starts with the service's token. The begin is tested; the handler reverts on every
// path (the std::thread is detached). BUGGY.
#include <windows.h>
#include <string>
#include <thread>
#include <vector>

void WriteExport(std::wstring target, std::vector<char> data); // export.cpp

class ExportServer {
public:
    DWORD HandleExport(HANDLE pipe, const std::wstring &target, std::vector<char> data);
};

DWORD ExportServer::HandleExport(HANDLE pipe, const std::wstring &target,
                                 std::vector<char> data)
{
    if (target.empty())
        return ERROR_INVALID_PARAMETER;
    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();

    // CHECK-WARNING@+1: 'std::thread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    std::thread writer(WriteExport, target, std::move(data));
    writer.detach();

    RevertToSelf();
    return ERROR_SUCCESS;
}
