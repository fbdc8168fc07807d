// C++: the spawn comes BEFORE the begin. The handler starts a watchdog std::thread (it
// cancels the pipe I/O if the client stalls) and only then impersonates the client for
// the request itself; the watchdog is meant to run as the service. A function that both
// spawns and impersonates is not enough: the spawn must be reachable while impersonating.
// Joined on every path (the begin's failure too). CORRECT.
#include <windows.h>
#include <atomic>
#include <thread>

void Watchdog(HANDLE pipe, std::atomic<bool> *done, DWORD timeout_ms); // CancelIoEx on timeout
DWORD ServeAsClient(HANDLE pipe);

DWORD HandleRequest(HANDLE pipe)
{
    std::atomic<bool> done{false};
    std::thread dog(Watchdog, pipe, &done, 30u * 1000u);

    DWORD err;
    if (!ImpersonateNamedPipeClient(pipe)) {
        err = GetLastError();
    } else {
        err = ServeAsClient(pipe);
        RevertToSelf();
    }

    done = true;
    dog.join();
    return err;
}
