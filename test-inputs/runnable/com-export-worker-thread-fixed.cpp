// Pay-stub archive COM server: the IPayStubArchive methods of its object (FIXED).
//
// ExportAsync copies the caller's stub stubs\<employee>\<period>.stub to a file the caller
// names, on a worker thread so the call returns at once; WaitForExport returns the result.
// (The class factory, IUnknown and the proxy/stub plumbing are not shown: COM calls
// these methods on an RPC thread with the caller's call context.)
//
// Fixed from com-export-worker-thread-buggy.cpp: the method takes the caller's
// impersonation token from its thread (OpenThreadToken while impersonating), reverts, and
// hands the token to the worker, which puts it on itself with SetThreadToken before the
// copy and reverts after it. The copy runs as the caller.
#include <windows.h>
#include <objbase.h>
#include <strsafe.h>

namespace {

constexpr DWORD kMaxStub = 64 * 1024;

struct ExportJob {
    WCHAR source[MAX_PATH];
    WCHAR destination[MAX_PATH];
    HANDLE clientToken;
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
    /* Act as the caller on this thread too. */
    if (!SetThreadToken(nullptr, job->clientToken)) {
        job->result = GetLastError();
        return 0;
    }
    job->result = CopyStub(job->source, job->destination);
    if (!RevertToSelf())
        ExitProcess(ERROR_CANNOT_IMPERSONATE);
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

    /* Take the caller's token along to the worker. */
    hr = CoImpersonateClient();
    if (FAILED(hr))
        return hr;
    HANDLE token = nullptr;
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE | TOKEN_QUERY, TRUE, &token))
        hr = HRESULT_FROM_WIN32(GetLastError());
    CoRevertToSelf();
    if (FAILED(hr))
        return hr;

    job_.clientToken = token;
    worker_ = CreateThread(nullptr, 0, ExportWorker, &job_, 0, nullptr);
    if (worker_ == nullptr) {
        hr = HRESULT_FROM_WIN32(GetLastError());
        CloseHandle(token);
    }
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
    CloseHandle(job_.clientToken);
    job_.clientToken = nullptr;
    *result = job_.result;
    return S_OK;
}
