// POSIX-emulation layer (C++): a process that switched to another user keeps that user's
// token in a process-wide object and runs its threads impersonating it. To start a child
// the spawner ends that impersonation (the child gets the primary token and switches
// itself), then puts the stored token back, also when CreateProcessW fails. The function
// is entered impersonating and leaves impersonating the same stored token: no leak. CORRECT.
#include <windows.h>

class UserState {
public:
    bool switched() const { return m_token != NULL; }
    HANDLE token() const { return m_token; }
    void deimpersonate() { RevertToSelf(); }
    bool reimpersonate()
    {
        if (switched())
            return ImpersonateLoggedOnUser(token());
        return true;
    }

private:
    HANDLE m_token = NULL;
};

extern UserState g_user;
void RecordChild(DWORD pid); // journal.cpp

int SpawnChild(wchar_t *cmdline, PROCESS_INFORMATION *pi)
{
    STARTUPINFOW si = {};
    si.cb = sizeof si;
    g_user.deimpersonate();
    BOOL ok = CreateProcessW(NULL, cmdline, NULL, NULL, TRUE, CREATE_SUSPENDED, NULL, NULL,
                             &si, pi);
    if (!ok) {
        g_user.reimpersonate();
        return -1;
    }
    g_user.reimpersonate();
    RecordChild(pi->dwProcessId);
    return 0;
}
