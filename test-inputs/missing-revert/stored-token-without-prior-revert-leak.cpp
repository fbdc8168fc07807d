// POSIX-emulation layer (C++): as run-as-self-stored-token-correct.cpp, but this helper
// never ended an impersonation before it puts the stored token on the thread: it is
// called on the service's own threads, and they keep the user's token after it returns.
// Its result is dropped too: if the begin fails, the profile read runs as the service.
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
    // CHECK-WARNING@+2: if 'reimpersonate' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    // CHECK-WARNING@+1: impersonation begun by the call to 'reimpersonate' is still in force when 'LoadProfileAsUser' returns [impersonation-missing-revert]
    g_user.reimpersonate();
    // CHECK-NOTE@+2: 'ReadUserProfile' runs here with the service's own token when 'reimpersonate' failed
    // CHECK-NOTE@+1: returns here while still impersonating
    return ReadUserProfile();
}
