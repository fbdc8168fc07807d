// Searching the client's candidate paths: each probe impersonates, checks the file and
// reverts -- except that a hit breaks out of the loop before the revert at the bottom
// of the body. The function then returns the hit as the client. BUGGY.
#include <windows.h>
#include <string>
#include <vector>

int FindFirstReadable(HANDLE pipe, const std::vector<std::wstring> &candidates)
{
    int found = -1;
    for (size_t i = 0; i < candidates.size(); ++i) {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'FindFirstReadable' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(pipe))
            return -1;
        HANDLE h = CreateFileW(candidates[i].c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                               OPEN_EXISTING, 0, nullptr);
        if (h != INVALID_HANDLE_VALUE) { // CHECK-NOTE: assuming the condition is true
            CloseHandle(h);
            found = static_cast<int>(i);
            break; /* leaves the loop still impersonating */
        }
        RevertToSelf();
    }
    return found; // CHECK-NOTE: returns here while still impersonating
}
