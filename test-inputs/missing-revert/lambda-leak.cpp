// Work posted as lambdas: the first impersonates and reverts on every path (silent);
// the second returns early on an empty result without reverting. Lambdas are
// functions of their own and are named "the lambda". BUGGY (the second lambda only).
#include <windows.h>
#include <functional>
#include <string>
#include <vector>

using Task = std::function<DWORD()>;

void QueueClientTasks(std::vector<Task> &queue, HANDLE token, const std::wstring &path,
                      std::wstring &listing)
{
    queue.push_back([token, path]() -> DWORD {
        if (!ImpersonateLoggedOnUser(token))
            return GetLastError();
        DWORD attrs = GetFileAttributesW(path.c_str());
        RevertToSelf();
        return attrs == INVALID_FILE_ATTRIBUTES ? ERROR_FILE_NOT_FOUND : ERROR_SUCCESS;
    });

    queue.push_back([token, path, &listing]() -> DWORD {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateLoggedOnUser' is still in force when the lambda returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateLoggedOnUser(token))
            return GetLastError();
        WIN32_FIND_DATAW fd;
        HANDLE find = FindFirstFileW((path + L"\\*").c_str(), &fd);
        if (find == INVALID_HANDLE_VALUE) // CHECK-NOTE: assuming the condition is true
            return GetLastError(); // CHECK-NOTE: returns here while still impersonating
        do {
            listing += fd.cFileName;
            listing += L'\n';
        } while (FindNextFileW(find, &fd));
        FindClose(find);
        RevertToSelf();
        return ERROR_SUCCESS;
    });
}
