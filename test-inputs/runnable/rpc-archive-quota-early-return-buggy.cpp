// Pay-stub archive RPC server in C++: the Archive_Store manager routine (BUGGY).
//
// Archive_Store is the manager routine of this interface (archive.idl):
//   error_status_t Archive_Store([in] handle_t binding, [in, string] const wchar_t *name,
//                                [in, size_is(size)] const byte *data, [in] unsigned long size);
// Every call is first recorded in the service's call log (as the service); then the routine
// impersonates the caller and stores the data as archive\<caller>\<name>, so each caller
// writes only into their own archive folder.
//
// The bug: a store over the quota returns ERROR_DISK_FULL without
// RpcRevertToSelf. The RPC runtime does not revert for the routine: the RPC thread keeps the
// caller's token, and the next call it serves starts as that caller -- its call log record
// is written with the wrong token and fails, so the next caller is refused. The fixed
// version is rpc-archive-quota-early-return-fixed.cpp.
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

    // CHECK-WARNING@+1: impersonation begun by 'RpcImpersonateClient' is still in force when 'Archive_Store' returns [impersonation-missing-revert]
    RPC_STATUS status = RpcImpersonateClient(binding);
    if (status != RPC_S_OK) // CHECK-NOTE: assuming the condition is false
        return status;
    if (size > kQuotaBytes) // CHECK-NOTE: assuming the condition is true
        return ERROR_DISK_FULL; /* BUG: still impersonating */ // CHECK-NOTE: returns here while still impersonating

    DWORD result = StoreAsCaller(name, data, size);
    if (RpcRevertToSelf() != RPC_S_OK)
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    return result;
}
