// Per-user settings service (C): as current-user-hive-after-logged-failure-bug.c, but a
// failed impersonation ends the request, and the hive is opened with RegOpenCurrentUser
// while impersonating (the user's own hive, not the process's cached HKEY_CURRENT_USER).
// CORRECT.
#include <windows.h>

DWORD ReadNotifySettings(HANDLE pipe, DWORD *level)
{
    HKEY user, key;
    DWORD size = sizeof *level;
    LSTATUS rc;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    rc = RegOpenCurrentUser(KEY_READ, &user);
    if (rc == ERROR_SUCCESS) {
        rc = RegOpenKeyExW(user, L"Software\\Contoso\\Notify", 0, KEY_READ, &key);
        if (rc == ERROR_SUCCESS) {
            rc = RegQueryValueExW(key, L"Level", NULL, NULL, (BYTE *)level, &size);
            RegCloseKey(key);
        }
        RegCloseKey(user);
    }
    RevertToSelf();
    return (DWORD)rc;
}
