// POSIX-emulation layer (C++): the process switched to another user at start-up and keeps
// that user's token; its threads run impersonating it, by design. LoadProfileAsUser puts
// the kept token on the thread (reimpersonate) and leaves it there: that is the process's
// standing identity, not a client's, so it is no leak. But the begin's result is dropped:
// if it fails, the profile is read as the service. BUGGY (unchecked-result only).
#include <windows.h>

class UserState {
public:
    bool switched() const { return m_token != NULL; }
    HANDLE token() const { return m_token; }
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
DWORD ReadUserProfile(void); // profile.cpp

DWORD LoadProfileAsUser(void)
{
    g_user.reimpersonate(); // CHECK-WARNING: if 'reimpersonate' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    return ReadUserProfile(); // CHECK-NOTE: 'ReadUserProfile' runs here with the service's own token when 'reimpersonate' failed
}
