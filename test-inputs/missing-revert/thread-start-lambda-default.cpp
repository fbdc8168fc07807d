// Modern C++ starts the Win32 worker with a captureless lambda converted to a
// LPTHREAD_START_ROUTINE. The lambda is the thread's start routine: when it returns
// impersonating, the thread ends and the token with it, so it is not reported by
// default (ReportThreadExit is off) -- the same rule as for a named start routine.
// CORRECT (silent by default).
#include <windows.h>
#include <string>

struct UploadJob {
    HANDLE token;
    std::wstring path;
    std::string data;
    DWORD result = ERROR_IO_PENDING;
};

HANDLE StartUpload(UploadJob *job)
{
    return CreateThread(
        nullptr, 0,
        [](LPVOID param) -> DWORD {
            auto *job = static_cast<UploadJob *>(param);
            if (!ImpersonateLoggedOnUser(job->token))
                return job->result = GetLastError();
            HANDLE h = CreateFileW(job->path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                                   0, nullptr);
            if (h == INVALID_HANDLE_VALUE)
                return job->result = GetLastError();
            DWORD written = 0;
            BOOL ok = WriteFile(h, job->data.data(), static_cast<DWORD>(job->data.size()),
                                &written, nullptr);
            CloseHandle(h);
            return job->result = ok ? ERROR_SUCCESS : GetLastError();
        },
        job, 0, nullptr);
}
