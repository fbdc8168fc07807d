// COM document broker, C++: OpenForUser impersonates the caller with CoImpersonateClient
// and opens the document with ShellExecuteW so that "the user's default application"
// opens it. ShellExecute starts that application with the service's primary token, not the
// caller's: the handler runs elevated in the service's session. The HRESULT is tested and
// CoRevertToSelf runs on both paths. BUGGY.
#include <windows.h>
#include <objbase.h>
#include <shellapi.h>

class DocumentBroker {
public:
    HRESULT OpenForUser(const wchar_t *document, DWORD showCommand);
};

HRESULT DocumentBroker::OpenForUser(const wchar_t *document, DWORD showCommand)
{
    if (document == nullptr || *document == L'\0')
        return E_INVALIDARG;

    HRESULT hr = CoImpersonateClient(); // CHECK-NOTE: the thread impersonates the client from here
    if (FAILED(hr))
        return hr;

    // CHECK-WARNING@+1: 'ShellExecuteW' starts a process that runs with the service's token, not the client's; use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token duplicated from the thread token [impersonation-spawn-while-impersonating]
    HINSTANCE result = ShellExecuteW(nullptr, L"open", document, nullptr, nullptr,
                                     static_cast<int>(showCommand));
    if (reinterpret_cast<INT_PTR>(result) <= 32)
        hr = E_FAIL;

    CoRevertToSelf();
    return hr;
}
