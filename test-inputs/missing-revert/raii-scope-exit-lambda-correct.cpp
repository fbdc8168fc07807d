// The gsl::finally / wil::scope_exit idiom: a small template guard runs a lambda in its
// destructor, and the lambda reverts. Created right after the successful begin, it
// covers the early returns and the exception thrown on a malformed name. CORRECT.
#include <windows.h>
#include <stdexcept>
#include <string>
#include <utility>

template <typename F>
class final_action {
public:
    explicit final_action(F f) : f_(std::move(f)) {}
    ~final_action() { f_(); }
    final_action(const final_action &) = delete;
    final_action &operator=(const final_action &) = delete;

private:
    F f_;
};

template <typename F>
final_action<F> finally(F f)
{
    return final_action<F>(std::move(f));
}

DWORD RemoveClientDirectory(HANDLE pipe, const std::wstring &dir)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    auto revert = finally([] { RevertToSelf(); });

    if (dir.find(L'*') != std::wstring::npos)
        throw std::invalid_argument("wildcards are not allowed");
    if (!RemoveDirectoryW(dir.c_str()))
        return GetLastError();
    return ERROR_SUCCESS;
}
