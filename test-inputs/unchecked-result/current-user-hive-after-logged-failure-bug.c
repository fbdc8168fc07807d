// Per-user settings service (C): a pipe client asks for its notification settings. The
// handler impersonates, but a failed ImpersonateNamedPipeClient is only traced and the
// handler goes on to read HKEY_CURRENT_USER\Software\Contoso\Notify. The subkey is a
// literal, yet which hive it names depends on who the thread is: after the failure it is
// the service account's own profile, and its settings go back to the client. BUGGY.
#include <windows.h>

DWORD ReadNotifySettings(HANDLE pipe, DWORD *level)
{
    HKEY key;
    DWORD size = sizeof *level;
    LSTATUS rc;

    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-WARNING: if 'ImpersonateNamedPipeClient' fails, the code goes on with the service's own token [impersonation-unchecked-result]
        OutputDebugStringW(L"notify: could not impersonate the caller\n"); // CHECK-NOTE@-1: assuming the condition is true

    // CHECK-NOTE@+1: 'RegOpenKeyExW' runs here with the service's own token when 'ImpersonateNamedPipeClient' failed
    rc = RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\Contoso\\Notify", 0, KEY_READ, &key);
    if (rc == ERROR_SUCCESS) {
        rc = RegQueryValueExW(key, L"Level", NULL, NULL, (BYTE *)level, &size);
        RegCloseKey(key);
    }
    RevertToSelf();
    return (DWORD)rc;
}
