// C++ publishing service: the revert before the spawn is conditional. Publishing "as the
// user" was added later behind req.keep_client_identity, which skips the revert; the
// publisher std::thread then starts while impersonating on that path (and runs as the
// service anyway). The flag-guarded second revert makes every path end reverted, so
// missing-revert is silent; the spawn is reachable while impersonating: reported. BUGGY.
#include <windows.h>
#include <string>
#include <thread>

struct PublishRequest {
    unsigned long id;
    bool keep_client_identity;
    std::wstring staging_dir;
};

DWORD StageAsClient(const PublishRequest &req);     // copies into staging as the client
void PublishStaged(unsigned long id);               // publisher.cpp

DWORD Publish(HANDLE pipe, const PublishRequest &req)
{
    if (!ImpersonateNamedPipeClient(pipe)) // CHECK-NOTE: the thread impersonates the client from here
        return GetLastError();
    DWORD err = StageAsClient(req);
    bool reverted = false;
    if (!req.keep_client_identity) {
        RevertToSelf();
        reverted = true;
    }
    if (err == ERROR_SUCCESS) {
        // CHECK-WARNING@+1: 'std::thread' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
        std::thread publisher(PublishStaged, req.id);
        publisher.detach();
    }
    if (!reverted)
        RevertToSelf();
    return err;
}
