// C++ settings session: the begin's result is parked in a member and tested only to
// decide the revert; nothing tests it before the settings are loaded, so a failed begin
// loads the caller's settings file with the service's token. BUGGY.
#include <windows.h>

class SettingsSession {
public:
    HRESULT Load(const wchar_t *path);

private:
    HRESULT ReadSettingsFile(const wchar_t *path) const; // settings_io.cpp
    HANDLE m_token = nullptr;
    BOOL m_impersonated = FALSE;
};

HRESULT SettingsSession::Load(const wchar_t *path)
{
    m_impersonated = ImpersonateLoggedOnUser(m_token); // CHECK-WARNING: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    HRESULT hr = ReadSettingsFile(path); // CHECK-NOTE: 'ReadSettingsFile' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
    if (m_impersonated)
        RevertToSelf();
    return hr;
}
