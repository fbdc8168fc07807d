// Pay-stub archive COM server: the IPayStubArchive methods of its object (BUGGY).
//
// ExportAsync copies the caller's stub stubs\<employee>\<period>.stub to a file the caller
// names, on a worker thread so the call returns at once; WaitForExport returns the result.
// (The class factory, IUnknown and the proxy/stub plumbing are not shown: COM calls
// these methods on an RPC thread with the caller's call context.)
//
// The bug: the method impersonates the caller and then starts the worker with
// CreateThread, believing the worker inherits the impersonation. A new thread starts with
// the process's primary token: the copy runs as the service, so any caller exports anyone's
// pay stub into a folder of their own. The fixed version is
// com-export-worker-thread-fixed.cpp.
#include <windows.h>
#include <objbase.h>
#include <strsafe.h>

namespace {

constexpr DWORD kMaxStub = 64 * 1024;

struct ExportJob {
    WCHAR source[MAX_PATH];
    WCHAR destination[MAX_PATH];
    DWORD result;
};

BYTE g_buffer[kMaxStub];

DWORD CopyStub(const WCHAR *source, const WCHAR *destination)
{
    DWORD length = 0, written = 0, result = ERROR_SUCCESS;
    HANDLE in = CreateFileW(source, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, nullptr);
    if (in == INVALID_HANDLE_VALUE)
        return GetLastError();
    HANDLE out = CreateFileW(destination, GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                             FILE_ATTRIBUTE_NORMAL, nullptr);
    if (out == INVALID_HANDLE_VALUE) {
        result = GetLastError();
    } else {
        if (!ReadFile(in, g_buffer, sizeof(g_buffer), &length, nullptr) ||
            !WriteFile(out, g_buffer, length, &written, nullptr))
            result = GetLastError();
        CloseHandle(out);
    }
    CloseHandle(in);
    return result;
}

DWORD WINAPI ExportWorker(LPVOID parameter)
{
    ExportJob *job = static_cast<ExportJob *>(parameter);
    job->result = CopyStub(job->source, job->destination);
    return 0;
}

bool IsValidComponent(const WCHAR *name)
{
    size_t i = 0;
    for (; i < 16 && name[i] != L'\0'; i++) {
        if (name[i] == L'\\' || name[i] == L'/' || name[i] == L':' ||
            (name[i] == L'.' && name[i + 1] == L'.'))
            return false;
    }
    return i > 0 && i < 16;
}

} // namespace

class PayStubArchive {
public:
    HRESULT STDMETHODCALLTYPE ExportAsync(LPCWSTR employee, LPCWSTR period, LPCWSTR destination);
    HRESULT STDMETHODCALLTYPE WaitForExport(DWORD timeoutMs, DWORD *result);

private:
    ExportJob job_ = {};
    HANDLE worker_ = nullptr;
};

HRESULT STDMETHODCALLTYPE PayStubArchive::ExportAsync(LPCWSTR employee, LPCWSTR period,
                                                      LPCWSTR destination)
{
    if (worker_ != nullptr)
        return HRESULT_FROM_WIN32(ERROR_BUSY);
    if (!IsValidComponent(employee) || !IsValidComponent(period))
        return HRESULT_FROM_WIN32(ERROR_INVALID_NAME);
    HRESULT hr = StringCchPrintfW(job_.source, MAX_PATH, L"stubs\\%s\\%s.stub", employee, period);
    if (SUCCEEDED(hr))
        hr = StringCchCopyW(job_.destination, MAX_PATH, destination);
    if (FAILED(hr))
        return hr;

    hr = CoImpersonateClient(); // CHECK-NOTE: the thread impersonates the client from here
    if (FAILED(hr))
        return hr;
    /* BUG: the worker does not run as the caller. */
    worker_ = CreateThread(nullptr, 0, ExportWorker, &job_, 0, nullptr); // CHECK-WARNING: 'CreateThread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    if (worker_ == nullptr)
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    return hr;
}

HRESULT STDMETHODCALLTYPE PayStubArchive::WaitForExport(DWORD timeoutMs, DWORD *result)
{
    if (worker_ == nullptr)
        return E_UNEXPECTED;
    if (WaitForSingleObject(worker_, timeoutMs) != WAIT_OBJECT_0)
        return HRESULT_FROM_WIN32(ERROR_TIMEOUT);
    CloseHandle(worker_);
    worker_ = nullptr;
    *result = job_.result;
    return S_OK;
}
