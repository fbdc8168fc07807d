// A C++ connection class keeps the impersonation state in a member: BeginClient() sets
// impersonating_ from the begin's result, EndClient() reverts when it is set, and the
// request method calls them around its work, with early returns that call EndClient()
// first. The engine follows the member through "this". CORRECT.
#include <windows.h>
#include <string>

class PipeConnection {
public:
    explicit PipeConnection(HANDLE pipe) : pipe_(pipe) {}
    DWORD ServeStat(const std::wstring &path, DWORD *attrs);

private:
    bool BeginClient() {
        impersonating_ = ImpersonateNamedPipeClient(pipe_) != FALSE;
        return impersonating_;
    }
    void EndClient() {
        if (impersonating_) {
            RevertToSelf();
            impersonating_ = false;
        }
    }

    HANDLE pipe_;
    bool impersonating_ = false;
};

DWORD PipeConnection::ServeStat(const std::wstring &path, DWORD *attrs)
{
    if (!BeginClient())
        return GetLastError();
    if (path.size() >= MAX_PATH) {
        EndClient();
        return ERROR_FILENAME_EXCED_RANGE;
    }
    *attrs = GetFileAttributesW(path.c_str());
    DWORD err = *attrs == INVALID_FILE_ATTRIBUTES ? GetLastError() : ERROR_SUCCESS;
    EndClient();
    return err;
}
