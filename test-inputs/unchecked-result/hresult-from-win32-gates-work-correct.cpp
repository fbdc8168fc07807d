// Web-services file server (C++): GetDocument keeps one HRESULT through the whole method,
// every step guarded by `S_OK == hr`. When authentication is on it impersonates the
// caller; a failed ImpersonateLoggedOnUser becomes hr = HRESULT_FROM_WIN32(GetLastError()),
// a failure code (GetLastError() is not zero after a failed call), so the open of the
// document never runs with the server's token. The revert at the single exit is guarded
// by the stored result. CORRECT.
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
        impersonated = ImpersonateLoggedOnUser(token);
        if (!impersonated)
            hr = HRESULT_FROM_WIN32(GetLastError());
        Trace(hr);
    }

    if (S_OK == hr) {
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
