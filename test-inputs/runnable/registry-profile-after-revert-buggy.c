// Pay-stub preferences server over a named pipe (BUGGY).
//
// A client connects to \\.\pipe\stubprefs and sends one PREF_REQUEST: a profile name and a
// value to store, e.g. the e-mail address its pay stubs go to. Profiles are registry keys
// HKEY_LOCAL_MACHINE\Software\PayStub\Profiles\<profile>, each writable only by its owner.
// The server impersonates the client to learn who is asking (for the ChangedBy value),
// reverts, and stores the value.
//
// The bug: the profile key is opened after RevertToSelf, with the service's own token, and
// its name comes from the client. The key's ACL never sees the client: alice sets the
// address bob's pay stubs are mailed to. The fixed version is
// registry-profile-after-revert-fixed.c.
#include <windows.h>
#include <strsafe.h>

#define PIPE_NAME L"\\\\.\\pipe\\stubprefs"
#define PROFILES_KEY L"Software\\PayStub\\Profiles\\"
#define PREF_MAGIC 0x46455250u /* "PREF" */
#define MAX_NAME 16
#define MAX_VALUE 64

typedef struct {
    DWORD magic;
    WCHAR profile[MAX_NAME];
    WCHAR value[MAX_VALUE];
} PREF_REQUEST;

static BOOL IsValidComponent(const WCHAR *name)
{
    size_t i;
    for (i = 0; i < MAX_NAME && name[i] != L'\0'; i++) {
        if (name[i] == L'\\' || name[i] == L'/')
            return FALSE;
    }
    return i > 0 && i < MAX_NAME;
}

static DWORD StorePreference(HANDLE pipe)
{
    PREF_REQUEST req;
    WCHAR keyName[MAX_PATH], user[64];
    DWORD read = 0, userLength = 64;
    BOOL known;
    HKEY key;
    LSTATUS err;

    if (!ReadFile(pipe, &req, sizeof(req), &read, NULL) || read != sizeof(req) || // CHECK-NOTE: the client's data is received here
        req.magic != PREF_MAGIC)
        return ERROR_BAD_FORMAT;
    req.profile[MAX_NAME - 1] = L'\0';
    req.value[MAX_VALUE - 1] = L'\0';
    if (!IsValidComponent(req.profile))
        return ERROR_INVALID_NAME;

    /* Who is asking? */
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    known = GetUserNameW(user, &userLength);
    if (!RevertToSelf()) // CHECK-NOTE: impersonation ends here
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
    if (!known)
        return ERROR_NO_SUCH_USER;

    StringCchCopyW(keyName, MAX_PATH, PROFILES_KEY);
    StringCchCatW(keyName, MAX_PATH, req.profile);
    /* BUG: the client's profile key is opened with the service's token. */
    err = RegCreateKeyExW(HKEY_LOCAL_MACHINE, keyName, 0, NULL, REG_OPTION_NON_VOLATILE, // CHECK-WARNING: 'RegCreateKeyExW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
                          KEY_SET_VALUE, NULL, &key, NULL);
    if (err != ERROR_SUCCESS)
        return (DWORD)err;
    err = RegSetValueExW(key, L"MailTo", 0, REG_SZ, (const BYTE *)req.value,
                         (DWORD)((lstrlenW(req.value) + 1) * sizeof(WCHAR)));
    if (err == ERROR_SUCCESS)
        err = RegSetValueExW(key, L"ChangedBy", 0, REG_SZ, (const BYTE *)user,
                             (DWORD)((lstrlenW(user) + 1) * sizeof(WCHAR)));
    RegCloseKey(key);
    return (DWORD)err;
}

int main(void)
{
    for (;;) {
        DWORD status = ERROR_PIPE_NOT_CONNECTED, written = 0;
        HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                       PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, sizeof(DWORD),
                                       sizeof(PREF_REQUEST), 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE)
            return (int)GetLastError();
        if (ConnectNamedPipe(pipe, NULL) || GetLastError() == ERROR_PIPE_CONNECTED) {
            status = StorePreference(pipe);
            WriteFile(pipe, &status, sizeof(status), &written, NULL);
        }
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}
