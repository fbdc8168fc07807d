// A revert guard armed by its constructor (mem-initializer) and dismissed only right
// after an explicit, checked RevertToSelf: the reply is sent as the service, so the
// code reverts early and tells the guard there is nothing left to undo. Early returns
// before that point rely on the destructor. CORRECT.
#include <windows.h>
#include <cstdlib>
#include <string>

class RevertGuard {
public:
    RevertGuard() : armed_(true) {}
    ~RevertGuard() {
        if (armed_)
            RevertToSelf();
    }
    void Dismiss() { armed_ = false; }
    RevertGuard(const RevertGuard &) = delete;
    RevertGuard &operator=(const RevertGuard &) = delete;

private:
    bool armed_;
};

extern DWORD SendReply(HANDLE pipe, DWORD status, const void *data, DWORD size);

DWORD StatForClient(HANDLE pipe, const std::wstring &path)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    RevertGuard guard;

    if (path.size() >= MAX_PATH)
        return ERROR_FILENAME_EXCED_RANGE;

    WIN32_FILE_ATTRIBUTE_DATA data;
    BOOL found = GetFileAttributesExW(path.c_str(), GetFileExInfoStandard, &data);
    DWORD status = found ? ERROR_SUCCESS : GetLastError();

    if (!RevertToSelf())
        std::abort();
    guard.Dismiss();

    return SendReply(pipe, status, found ? &data : nullptr, found ? sizeof(data) : 0);
}
