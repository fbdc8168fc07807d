// C++ settings broker: the client names the profile key to change, relative to
// HKEY_LOCAL_MACHINE; the broker impersonates only to check the caller's group, reverts,
// and opens the key with its own token for writing. Nothing confines the name to the
// profile tree: "SYSTEM\\CurrentControlSet\\Services\\..." is as reachable, and the
// service account may write there. RegSetValueExW on the open key is no access. BUGGY.
#include <windows.h>
#include <string>

struct SettingRequest {
    WCHAR subkey[128];
    WCHAR value[64];
    DWORD data;
};

bool CallerIsProfileAdmin();

LSTATUS ApplySetting(HANDLE pipe)
{
    SettingRequest req{};
    DWORD read = 0;
    if (!ReadFile(pipe, &req, sizeof req, &read, nullptr) || read != sizeof req) // CHECK-NOTE: the client's data is received here
        return ERROR_BAD_FORMAT;
    req.subkey[127] = L'\0';
    req.value[63] = L'\0';

    if (!ImpersonateNamedPipeClient(pipe))
        return static_cast<LSTATUS>(GetLastError());
    bool admin = CallerIsProfileAdmin();
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!admin)
        return ERROR_ACCESS_DENIED;

    HKEY key = nullptr;
    // CHECK-WARNING@+1: 'RegOpenKeyExW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    LSTATUS st = RegOpenKeyExW(HKEY_LOCAL_MACHINE, req.subkey, 0, KEY_SET_VALUE, &key);
    if (st != ERROR_SUCCESS)
        return st;
    st = RegSetValueExW(key, req.value, 0, REG_DWORD, reinterpret_cast<const BYTE *>(&req.data),
                        sizeof req.data);
    RegCloseKey(key);
    return st;
}
