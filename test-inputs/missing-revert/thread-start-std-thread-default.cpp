// A worker started with std::thread impersonates the requesting user and returns without
// reverting. The thread ends with its token, as with CreateThread: silent by default
// (ReportThreadExit is off), for a lambda and for a named function alike. CORRECT.
#include <windows.h>
#include <string>
#include <thread>

DWORD CopyUserFile(const std::wstring &from, const std::wstring &to);

static void CopyAsUser(HANDLE token, std::wstring from, std::wstring to)
{
    if (!ImpersonateLoggedOnUser(token))
        return;
    CopyUserFile(from, to);
}

void StartCopies(HANDLE token, const std::wstring &from, const std::wstring &to)
{
    std::thread named(CopyAsUser, token, from, to);
    std::thread inline_worker([token, from] {
        if (!ImpersonateLoggedOnUser(token))
            return;
        CopyUserFile(from, from + L".bak");
    });
    named.join();
    inline_worker.join();
}
