// Pay-stub archive RPC server in C++: the Archive_Store manager routine (FIXED).
//
// Archive_Store is the manager routine of this interface (archive.idl):
//   error_status_t Archive_Store([in] handle_t binding, [in, string] const wchar_t *name,
//                                [in, size_is(size)] const byte *data, [in] unsigned long size);
// Every call is first recorded in the service's call log (as the service); then the routine
// impersonates the caller and stores the data as archive\<caller>\<name>, so each caller
// writes only into their own archive folder.
//
// Fixed from rpc-archive-quota-early-return-buggy.cpp: the quota is checked before the
// routine impersonates, so no return path leaves the RPC thread on the caller's token.
#include <windows.h>
#include <rpc.h>

#include <string>

namespace {

constexpr DWORD kQuotaBytes = 1024;
constexpr const wchar_t *kCallLog = L"C:\\ProgramData\\PayStub\\archive-calls.log";

// Appends one record to the service's own call log.
bool LogCall(DWORD size)
{
    HANDLE log = CreateFileW(kCallLog, FILE_APPEND_DATA, FILE_SHARE_READ, nullptr, OPEN_ALWAYS,
                             FILE_ATTRIBUTE_NORMAL, nullptr);
    if (log == INVALID_HANDLE_VALUE)
        return false;
    DWORD written = 0;
    bool ok = WriteFile(log, &size, sizeof(size), &written, nullptr) != FALSE;
    CloseHandle(log);
    return ok;
}

bool IsPlainName(const wchar_t *name)
{
    std::wstring n(name);
    return !n.empty() && n.size() < 32 && n.find_first_of(L"\\/:") == std::wstring::npos &&
           n.find(L"..") == std::wstring::npos;
}

DWORD StoreAsCaller(const wchar_t *name, const BYTE *data, DWORD size)
{
    WCHAR user[64];
    DWORD length = 64;
    if (!GetUserNameW(user, &length))
        return GetLastError();
    std::wstring path = std::wstring(L"archive\\") + user + L"\\" + name;
    HANDLE file = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                              FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return GetLastError();
    DWORD written = 0;
    DWORD status = WriteFile(file, data, size, &written, nullptr) ? ERROR_SUCCESS : GetLastError();
    CloseHandle(file);
    return status;
}

} // namespace

extern "C" error_status_t Archive_Store(handle_t binding, const wchar_t *name, const BYTE *data,
                                        DWORD size)
{
    if (!LogCall(size))
        return ERROR_WRITE_FAULT;
    if (!IsPlainName(name))
        return ERROR_INVALID_NAME;

    if (size > kQuotaBytes)
        return ERROR_DISK_FULL;

    RPC_STATUS status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK)
        return status;

    DWORD result = StoreAsCaller(name, data, size);
    if (RpcRevertToSelf() != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return result;
}
