// C++17 export service: the export directory and file are built with
// std::filesystem::path operator/ from the service's export root and two fields of the
// request. The export is written after the revert, as the service: the client places
// files (and directories) wherever the service may write. Two accesses, two warnings.
// Names in the messages: the qualified name below std (inline namespaces and template
// arguments left out), and a constructor by the type the code wrote, so
// 'std::filesystem::create_directories' and 'std::ofstream'. BUGGY.
#include <windows.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

struct ExportRequest {
    WCHAR user[32];
    WCHAR name[64];
    DWORD length;
};

bool ReadExportData(HANDLE pipe, DWORD length, std::string &data);

DWORD HandleExport(HANDLE pipe, const fs::path &exportRoot)
{
    ExportRequest req{};
    DWORD read = 0;
    // one origin note and one identity note for each of the two warnings
    // CHECK-NOTE@+2: the client's data is received here
    // CHECK-NOTE@+1: the client's data is received here
    if (!ReadFile(pipe, &req, sizeof(req), &read, nullptr) || read != sizeof(req))
        return ERROR_BAD_FORMAT;
    req.user[31] = L'\0';
    req.name[63] = L'\0';

    std::string data;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    bool ok = ReadExportData(pipe, req.length, data);
    // CHECK-NOTE@+2: impersonation ends here
    // CHECK-NOTE@+1: impersonation ends here
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!ok)
        return ERROR_INVALID_DATA;

    fs::path dir = exportRoot / req.user;
    std::error_code ec;
    // CHECK-WARNING@+1: 'std::filesystem::create_directories' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    fs::create_directories(dir, ec);
    if (ec)
        return static_cast<DWORD>(ec.value());
    // CHECK-WARNING@+1: 'std::ofstream' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    std::ofstream out(dir / req.name, std::ios::binary | std::ios::trunc);
    if (!out)
        return ERROR_CANNOT_MAKE;
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    return ERROR_SUCCESS;
}
