// A registry service dispatches on the request's verb while impersonating; every known
// verb breaks to the revert, but the default case (an unknown verb) returns at once.
// BUGGY.
#include <windows.h>
#include <string>

enum class Verb : DWORD { Get = 1, Set = 2, Delete = 3 };

struct RegRequest {
    Verb verb;
    std::wstring subkey;
    std::wstring value;
    DWORD data;
};

LSTATUS ServeRegistry(HANDLE pipe, const RegRequest &req, DWORD *out)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ServeRegistry' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return static_cast<LSTATUS>(GetLastError());

    HKEY user = nullptr;
    LSTATUS rc = RegOpenCurrentUser(KEY_READ | KEY_WRITE, &user);
    if (rc != ERROR_SUCCESS) { // CHECK-NOTE: assuming the condition is false
        RevertToSelf();
        return rc;
    }

    switch (req.verb) {
    case Verb::Get: {
        DWORD size = sizeof(*out);
        rc = RegGetValueW(user, req.subkey.c_str(), req.value.c_str(), RRF_RT_REG_DWORD,
                          nullptr, out, &size);
        break;
    }
    case Verb::Set:
        rc = RegSetKeyValueW(user, req.subkey.c_str(), req.value.c_str(), REG_DWORD,
                             &req.data, sizeof(req.data));
        break;
    case Verb::Delete:
        rc = RegDeleteKeyValueW(user, req.subkey.c_str(), req.value.c_str());
        break;
    default: // CHECK-NOTE: taking the default case
        RegCloseKey(user);
        return ERROR_INVALID_FUNCTION; // CHECK-NOTE: returns here while still impersonating
    }

    RegCloseKey(user);
    RevertToSelf();
    return rc;
}
