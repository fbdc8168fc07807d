// COM codec host (C++): LoadCodec impersonates the caller to check that the caller may
// read the DLL, reverts, and loads it into the service with LoadLibraryW. A COM method's
// parameters are not client data by themselves (no handle_t; name such methods in
// RequestHandlers to make them so), but rule (c) catches this one: dllPath was used as
// the client's object, then named again with the service's token. Between the two the
// client can swap the file, and any DLL it can read runs inside the service. BUGGY.
#include <windows.h>
#include <objbase.h>

struct ICodecHost : public IUnknown {
    virtual HRESULT STDMETHODCALLTYPE LoadCodec(LPCWSTR dllPath, DWORD *codecId) = 0;
};

class CodecHost : public ICodecHost {
public:
    HRESULT STDMETHODCALLTYPE LoadCodec(LPCWSTR dllPath, DWORD *codecId) override;

private:
    HMODULE codecs_[16] = {};
    DWORD count_ = 0;
};

HRESULT CodecHost::LoadCodec(LPCWSTR dllPath, DWORD *codecId)
{
    if (dllPath == nullptr || codecId == nullptr)
        return E_POINTER;
    if (count_ == ARRAYSIZE(codecs_))
        return E_OUTOFMEMORY;

    HRESULT hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    // CHECK-NOTE@+1: 'CreateFileW' uses this name as the client's object here
    HANDLE probe = CreateFileW(dllPath, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr);
    DWORD err = probe == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    if (probe != INVALID_HANDLE_VALUE)
        CloseHandle(probe);
    CoRevertToSelf(); // CHECK-NOTE: impersonation ends here
    if (err != ERROR_SUCCESS)
        return HRESULT_FROM_WIN32(err);

    HMODULE module = LoadLibraryW(dllPath); // CHECK-WARNING: 'LoadLibraryW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (module == nullptr)
        return HRESULT_FROM_WIN32(GetLastError());
    codecs_[count_] = module;
    *codecId = count_++;
    return S_OK;
}
