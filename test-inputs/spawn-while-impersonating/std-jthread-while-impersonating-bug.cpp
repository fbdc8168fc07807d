// C++20 folder watcher: the session impersonates the logged-on user (ImpersonateLoggedOnUser)
// and starts a std::jthread that watches the user's folder, to "watch with the user's
// rights". The jthread runs with the service's token and reports changes in folders the
// user cannot read. The begin is tested; every path reverts. BUGGY.
// RUN-FLAGS: -x c++ -std=c++20 --target=x86_64-w64-mingw32 -fms-extensions
#include <windows.h>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void WatchFolder(std::stop_token stop, std::wstring folder); // watcher.cpp

class UserSession {
public:
    DWORD StartWatching(const std::wstring &folder);

private:
    HANDLE user_token_ = nullptr;
    std::vector<std::jthread> watchers_;
};

DWORD UserSession::StartWatching(const std::wstring &folder)
{
    if (!ImpersonateLoggedOnUser(user_token_)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    // CHECK-WARNING@+1: 'std::jthread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    std::jthread watcher(WatchFolder, folder);
    watchers_.push_back(std::move(watcher));
    RevertToSelf();
    return ERROR_SUCCESS;
}
