// After the revert the handler keeps working on what it opened AS THE CLIENT: it reads
// the file through its handle, and queries the value whose name the client sent from the
// client's own registry key (RegOpenCurrentUser + RegOpenKeyExW, both as the client).
// GetFileSizeEx, ReadFile and RegQueryValueExW on an open key name no object: the
// access check happened at the open. A check that flagged every use of client data
// after the revert would report the value query. CORRECT.
#include <windows.h>
#include <vector>

struct QueryRequest {
    WCHAR file[MAX_PATH];
    WCHAR subkey[128];
    WCHAR value[64];
};

DWORD QueryFileAndSetting(HANDLE pipe, std::vector<BYTE> &contents, DWORD &setting)
{
    QueryRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof req, &read, nullptr) || read != sizeof req)
        return ERROR_BAD_FORMAT;
    req.file[MAX_PATH - 1] = req.subkey[127] = req.value[63] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    HANDLE file = CreateFileW(req.file, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                              nullptr);
    DWORD err = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    HKEY user = nullptr, key = nullptr;
    LSTATUS st = RegOpenCurrentUser(KEY_READ, &user);
    if (st == ERROR_SUCCESS)
        st = RegOpenKeyExW(user, req.subkey, 0, KEY_QUERY_VALUE, &key);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);

    if (err == ERROR_SUCCESS) {
        LARGE_INTEGER size{};
        if (GetFileSizeEx(file, &size) && size.QuadPart < (1 << 20)) {
            contents.resize(static_cast<size_t>(size.QuadPart));
            DWORD got = 0;
            if (ReadFile(file, contents.data(), static_cast<DWORD>(contents.size()), &got, nullptr))
                contents.resize(got);
        }
        CloseHandle(file);
    }
    if (st == ERROR_SUCCESS) {
        DWORD type = 0, cb = sizeof setting;
        st = RegQueryValueExW(key, req.value, nullptr, &type, reinterpret_cast<BYTE *>(&setting), &cb);
        RegCloseKey(key);
    }
    if (user != nullptr)
        RegCloseKey(user);
    return err != ERROR_SUCCESS ? err : static_cast<DWORD>(st);
}
