// SSPI server (C++): each authenticated command impersonates the peer's context with
// ImpersonateSecurityContext, the SECURITY_STATUS stored and compared with SEC_E_OK, and
// returns before any access when it failed. RevertSecurityContext on the success path.
// CORRECT (silent).
#include <windows.h>
#define SECURITY_WIN32
#include <sspi.h>
#include <string>
#include <vector>

struct PeerSession {
    CtxtHandle context;
    bool authenticated = false;
};

DWORD ListForPeer(PeerSession &session, const std::wstring &pattern, std::vector<std::wstring> &names)
{
    if (!session.authenticated)
        return ERROR_NOT_AUTHENTICATED;

    SECURITY_STATUS ss = ImpersonateSecurityContext(&session.context);
    if (ss != SEC_E_OK)
        return ERROR_ACCESS_DENIED;

    DWORD err = ERROR_SUCCESS;
    WIN32_FIND_DATAW data;
    HANDLE find = FindFirstFileW(pattern.c_str(), &data);
    if (find == INVALID_HANDLE_VALUE) {
        err = GetLastError();
    } else {
        do {
            names.emplace_back(data.cFileName);
        } while (FindNextFileW(find, &data));
        FindClose(find);
    }
    RevertSecurityContext(&session.context);
    return err;
}
