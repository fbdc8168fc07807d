// Web-services file server (C++): as hresult-from-win32-gates-work-correct.cpp, but the
// open is guarded by `hr != E_ACCESSDENIED` ("only a denied caller is refused"). A failed
// ImpersonateLoggedOnUser gives some other failure code, so the document is then opened
// with the server's token. BUGGY.
#include <windows.h>

HRESULT LookupCallerToken(void *event, HANDLE *token); // auth.cpp
void Trace(HRESULT hr);

class DocumentServer {
public:
    HRESULT GetDocument(void *event, const wchar_t *name, HANDLE *out);

private:
    bool m_requireAuth = true;
};

HRESULT DocumentServer::GetDocument(void *event, const wchar_t *name, HANDLE *out)
{
    HRESULT hr = S_OK;
    BOOL impersonated = FALSE;
    HANDLE token = NULL;
    HANDLE doc = INVALID_HANDLE_VALUE;

    if (name == NULL || out == NULL)
        hr = E_INVALIDARG;

    if (S_OK == hr && m_requireAuth) {
        hr = LookupCallerToken(event, &token);
        Trace(hr);
    }

    if (S_OK == hr && token != NULL) {
        impersonated = ImpersonateLoggedOnUser(token); // CHECK-WARNING: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
        if (!impersonated) // CHECK-NOTE: assuming the condition is true
            hr = HRESULT_FROM_WIN32(GetLastError());
        Trace(hr);
    }

    if (hr != E_ACCESSDENIED) { // CHECK-NOTE: assuming the condition is true
        // CHECK-NOTE@+1: 'CreateFileW' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
        doc = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        if (doc == INVALID_HANDLE_VALUE)
            hr = HRESULT_FROM_WIN32(GetLastError());
    }

    if (S_OK == hr)
        *out = doc;

    if (impersonated)
        RevertToSelf();
    if (token != NULL)
        CloseHandle(token);
    return hr;
}
