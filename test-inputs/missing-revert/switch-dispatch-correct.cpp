// C++ opcode dispatcher: each case computes a result and breaks; the revert after the
// switch runs on every path, including the default case and a case that falls through
// into another. CORRECT.
#include <windows.h>
#include <string>

enum class Op : DWORD { Read = 1, Stat = 2, Touch = 3, StatAndTouch = 4 };

struct Request {
    Op op;
    std::wstring path;
};

class FileService {
public:
    DWORD Handle(HANDLE pipe, const Request &req);

private:
    DWORD requestsServed_ = 0;
};

DWORD FileService::Handle(HANDLE pipe, const Request &req)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    DWORD result = ERROR_SUCCESS;
    switch (req.op) {
    case Op::Read: {
        HANDLE h = CreateFileW(req.path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                               OPEN_EXISTING, 0, nullptr);
        if (h == INVALID_HANDLE_VALUE) {
            result = GetLastError();
            break;
        }
        CloseHandle(h);
        break;
    }
    case Op::StatAndTouch:
    case Op::Stat: {
        WIN32_FILE_ATTRIBUTE_DATA data;
        if (!GetFileAttributesExW(req.path.c_str(), GetFileExInfoStandard, &data)) {
            result = GetLastError();
            break;
        }
        if (req.op == Op::Stat)
            break;
    }
        [[fallthrough]];
    case Op::Touch: {
        HANDLE h = CreateFileW(req.path.c_str(), FILE_WRITE_ATTRIBUTES, 0, nullptr,
                               OPEN_EXISTING, 0, nullptr);
        if (h != INVALID_HANDLE_VALUE)
            CloseHandle(h);
        else
            result = GetLastError();
        break;
    }
    default:
        result = ERROR_INVALID_FUNCTION;
        break;
    }

    RevertToSelf();
    ++requestsServed_;
    return result;
}
