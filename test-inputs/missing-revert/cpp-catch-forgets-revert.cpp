// C++ handler with a try/catch around the impersonated work. Parsing the client's
// request may throw; the catch logs and returns an error but forgets that the thread is
// still impersonating. BUGGY.
#include <windows.h>
#include <exception>
#include <string>
#include <vector>

struct Request {
    std::wstring path;
    std::vector<std::wstring> fields;
};

extern Request ParseRequest(const std::vector<char> &raw); // throws std::invalid_argument
extern void LogError(const char *what);

bool ServeRequest(HANDLE pipe, const std::vector<char> &raw, std::wstring &reply)
{
    try {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ServeRequest' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(pipe))
            return false;
        Request req = ParseRequest(raw); // CHECK-NOTE: if 'ParseRequest' raises an exception here
        DWORD attrs = GetFileAttributesW(req.path.c_str());
        reply = attrs == INVALID_FILE_ATTRIBUTES ? L"missing" : L"present";
        RevertToSelf();
        return true;
    } catch (const std::exception &e) {
        LogError(e.what());
        return false; // CHECK-NOTE: returns here while still impersonating
    }
}
