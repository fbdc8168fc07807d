// A guard whose constructor takes the begin's result: the call happens at the call site
// ("ClientImpersonation guard(ImpersonateLoggedOnUser(token))"), the guard remembers
// whether it succeeded, the function tests the guard, and the destructor reverts only
// when the begin succeeded. Return paths only, no exceptions. CORRECT.
#include <windows.h>
#include <string>

class ClientImpersonation {
public:
    explicit ClientImpersonation(BOOL began) : began_(began != FALSE) {}
    ~ClientImpersonation() {
        if (began_)
            RevertToSelf();
    }
    explicit operator bool() const { return began_; }
    ClientImpersonation(const ClientImpersonation &) = delete;
    ClientImpersonation &operator=(const ClientImpersonation &) = delete;

private:
    bool began_;
};

DWORD DeleteAsUser(HANDLE token, const std::wstring &path)
{
    ClientImpersonation guard(ImpersonateLoggedOnUser(token));
    if (!guard)
        return GetLastError();

    if (path.size() >= MAX_PATH)
        return ERROR_FILENAME_EXCED_RANGE;

    if (!DeleteFileW(path.c_str()))
        return GetLastError();
    return ERROR_SUCCESS;
}
