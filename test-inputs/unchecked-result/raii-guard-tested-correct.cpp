// C++ RPC manager routine with a guard that stores the RPC_STATUS of RpcImpersonateClient
// (constructor body), reverts in its destructor only when it was RPC_S_OK, and is
// TESTED right after construction: the failure path returns before any access. The
// destructor runs on every return. CORRECT (silent).
#include <windows.h>
#include <rpc.h>

class RpcCallerIdentity {
public:
    explicit RpcCallerIdentity(handle_t binding) : status_(RPC_S_OK) { status_ = RpcImpersonateClient(binding); }
    ~RpcCallerIdentity() {
        if (status_ == RPC_S_OK)
            RpcRevertToSelf();
    }
    RpcCallerIdentity(const RpcCallerIdentity &) = delete;
    RpcCallerIdentity &operator=(const RpcCallerIdentity &) = delete;
    RPC_STATUS status() const { return status_; }

private:
    RPC_STATUS status_;
};

long Svc_RemoveFolder(handle_t binding, const wchar_t *folder, unsigned long recursive)
{
    RpcCallerIdentity as_caller(binding);
    if (as_caller.status() != RPC_S_OK)
        return as_caller.status();

    if (folder == nullptr || recursive != 0)
        return ERROR_NOT_SUPPORTED;
    if (!RemoveDirectoryW(folder))
        return static_cast<long>(GetLastError());
    return ERROR_SUCCESS;
}
