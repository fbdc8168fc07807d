// SSPI server in C++: the status of ImpersonateSecurityContext is tested with
// "== SEC_E_OK" around a block that always ends in RevertSecurityContext, and a failed
// revert is treated as fatal. CORRECT.
#include <windows.h>
#define SECURITY_WIN32
#include <sspi.h>
#include <cstdlib>
#include <string>

class SspiConnection {
public:
    DWORD Stat(const std::wstring &path, WIN32_FILE_ATTRIBUTE_DATA *data);

private:
    CtxtHandle context_{};
    bool authenticated_ = false;
};

DWORD SspiConnection::Stat(const std::wstring &path, WIN32_FILE_ATTRIBUTE_DATA *data)
{
    if (!authenticated_)
        return ERROR_NOT_AUTHENTICATED;

    DWORD err = ERROR_ACCESS_DENIED;
    if (ImpersonateSecurityContext(&context_) == SEC_E_OK) {
        err = GetFileAttributesExW(path.c_str(), GetFileExInfoStandard, data) ? ERROR_SUCCESS
                                                                               : GetLastError();
        if (RevertSecurityContext(&context_) != SEC_E_OK)
            std::abort();
    }
    return err;
}
