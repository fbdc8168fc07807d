// POSIX-emulation layer (C++): as run-as-self-stored-token-correct.cpp, but this helper
// never ended an impersonation before it puts the stored token on the thread: it is
// called on the service's own threads, and they keep the user's token after it returns.
// BUGGY.
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
    g_user.reimpersonate(); // CHECK-WARNING: impersonation begun by the call to 'reimpersonate' is still in force when 'LoadProfileAsUser' returns [impersonation-missing-revert]
    return ReadUserProfile(); // CHECK-NOTE: returns here while still impersonating
}
