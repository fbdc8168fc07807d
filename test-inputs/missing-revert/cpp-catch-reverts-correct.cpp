// C++ handler with try/catch done right: the impersonated work is inside the try, the
// begin before it, and both the normal path and the catch(...) revert before leaving;
// the catch rethrows after reverting. CORRECT.
#include <windows.h>
#include <string>
#include <vector>

struct Request {
    std::wstring path;
};

extern Request ParseRequest(const std::vector<char> &raw); // may throw

DWORD StatForClient(HANDLE token, const std::vector<char> &raw, DWORD *attrs)
{
    if (!ImpersonateLoggedOnUser(token))
        return GetLastError();
    try {
        Request req = ParseRequest(raw);
        *attrs = GetFileAttributesW(req.path.c_str());
    } catch (...) {
        RevertToSelf();
        throw;
    }
    RevertToSelf();
    return *attrs == INVALID_FILE_ATTRIBUTES ? ERROR_FILE_NOT_FOUND : ERROR_SUCCESS;
}
