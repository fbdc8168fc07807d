// A session object impersonates its client in the constructor, which is a
// function-try-block. When Load() throws while impersonating, the handler only logs; the
// end of a constructor's handler rethrows the exception, so the constructor leaves by an
// exception with the client's token still on the thread. The exit is shown as an
// exception at the handler's closing brace, not as a fall-off. BUGGY.
#include <windows.h>
#include <stdexcept>

class Session {
public:
    explicit Session(HANDLE pipe) try : pipe_(pipe) {
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'Session::Session' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(pipe_))
            throw std::runtime_error("cannot impersonate the client");
        Load(); // CHECK-NOTE: if 'Load' raises an exception here
        RevertToSelf();
    } catch (...) {
        Log("session setup failed");
    } // CHECK-NOTE: an exception leaves the function here while still impersonating

private:
    void Load();
    static void Log(const char *what);
    HANDLE pipe_;
};
