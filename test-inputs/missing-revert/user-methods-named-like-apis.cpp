// A service with its own classes whose methods happen to be called RevertToSelf and
// ImpersonateClient. Neither is the Win32 API nor IServerSecurity: Session::RevertToSelf
// only resets the session's cached identity, so the real impersonation begun with
// ImpersonateNamedPipeClient is never undone; ClientProxy::ImpersonateClient only sets a
// flag and must not be taken for a begin. BUGGY (one warning, in Serve).
#include <windows.h>
#include <string>

class Session {
public:
    explicit Session(HANDLE pipe) : pipe_(pipe) {}
    // Forgets the identity cached for this session (does not touch the thread token).
    void RevertToSelf() { cachedUser_.clear(); }
    HANDLE pipe() const { return pipe_; }

private:
    HANDLE pipe_;
    std::wstring cachedUser_;
};

class ClientProxy {
public:
    // Marks the proxy so that later calls carry the caller's identity to the backend.
    HRESULT ImpersonateClient() { forward_ = true; return S_OK; }
    HRESULT Send(const std::wstring &what) { return what.empty() ? E_INVALIDARG : S_OK; }

private:
    bool forward_ = false;
};

DWORD Serve(Session &session, const std::wstring &file)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'Serve' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(session.pipe()))
        return GetLastError();

    DWORD attrs = GetFileAttributesW(file.c_str());
    session.RevertToSelf(); // not ::RevertToSelf
    // CHECK-NOTE@+2: assuming the condition is false
    // CHECK-NOTE@+1: returns here while still impersonating
    return attrs == INVALID_FILE_ATTRIBUTES ? GetLastError() : ERROR_SUCCESS;
}

HRESULT Forward(ClientProxy &proxy, const std::wstring &what)
{
    HRESULT hr = proxy.ImpersonateClient(); // not IServerSecurity::ImpersonateClient
    if (FAILED(hr))
        return hr;
    return proxy.Send(what);
}
