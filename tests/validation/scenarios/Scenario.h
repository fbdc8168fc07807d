// Support for the scenario programs of the validation suite (tests/validation).
//
// A scenario program links one runnable test input (a Windows service, built unchanged
// against the runtime's Win32 facade) with its driver, scenarios/<scenario>.cpp. The driver
// makes the accounts' files, runs the service and real clients (threads that really run as
// alice or bob), checks what really happened, and prints the monitor's findings. It prints
// one line per fact, which ValidationTest.cpp reads:
//
//   CONTROL ok|FAILED <text>  a check that the runtime itself behaves: alice can read her
//                              own pay stub, cannot read bob's, and the service serves her
//   OBSERVE <text>            what happened, for the reader
//   HARM <text>               a wrong-identity effect that really happened (bob's data in
//                              alice's hands, a worker left as alice, a child run as root)
//   SKIP <reason>             the scenario cannot run here (exit status 77)
//   ERROR <text>              the scenario could not set itself up (exit status 1)
//   EVENT ... / FINDING <check> <file>:<line> <detail>   the monitor (monitor::print)
//
// The exit status is 0 when every control held, 1 otherwise, 77 when skipped. Whether
// harm is expected is not the driver's business: it reports what happened, the test
// judges it by the input's name (-buggy / -fixed).
#pragma once

#include "impersonation/monitor.h"
#include "impersonation/runtime.h"

#include <atomic>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <thread>
#include <utility>
#include <vector>

// The facade after the standard headers (it defines macros such as system()).
#include <windows.h>

namespace impersonation::scenario {

namespace rt = impersonation::rt;

// A thread's user ids as the kernel reports them (/proc/self/task/<tid>/status).
struct ThreadUids {
  uid_t real = 0, effective = 0, saved = 0, fs = 0;
};

class Scenario {
public:
  explicit Scenario(std::string root) : root_(std::move(root)) {}

  // ---- reporting ----------------------------------------------------------------------
  void control(bool ok, const std::string &text);
  void observe(const std::string &text);
  void harm(const std::string &text);
  [[noreturn]] void error(const std::string &text);
  bool failed() const { return failed_; }

  // ---- files (host paths below the Windows root; `rel` uses '/') ----------------------
  const std::string &root() const { return root_; }
  std::string path(std::string_view rel) const { return root_ + "/" + std::string(rel); }
  // A directory or file with owner and exact mode; missing parents root-owned 0755.
  void makeDir(std::string_view rel, const char *owner, mode_t mode);
  void makeFile(std::string_view rel, std::string_view content, const char *owner, mode_t mode);
  // stubs/<employee>/<period>.stub, mode 0600, owned by the employee, in a directory the
  // employee owns with mode 0755 (others may look, only the owner may read or write).
  std::string makeStub(const char *employee, const char *period);
  // The text makeStub wrote for that stub.
  static std::string stubText(const char *employee, const char *period);
  // A shell script in the root, executable, for CreateProcessW to find by its bare name.
  void makeScript(std::string_view name, std::string_view body);
  // Read as the service (root); nullopt when missing.
  std::optional<std::string> read(std::string_view rel) const;
  bool exists(std::string_view rel) const;
  std::optional<uid_t> ownerOf(std::string_view rel) const;

  // ---- accounts and threads -----------------------------------------------------------
  static uid_t uidOf(const char *account);
  static std::string nameOf(uid_t uid) { return rt::userName(uid); }
  // A token handle for the facade (dispatch helpers, ImpersonateLoggedOnUser).
  static HANDLE token(const char *account,
                      SECURITY_IMPERSONATION_LEVEL level = SecurityImpersonation);
  // The runtime's own behaviour, checked with the C++ API on this thread: impersonated
  // alice reads her stub and not bob's, and reverted, the service reads bob's.
  void standardControls(const char *alicePeriod = "2024-05");

  // Runs fn on a new thread that really runs as `account` (a client process stand-in),
  // waits for it and returns what fn returned.
  template <class F> auto asClient(const char *account, F fn) -> decltype(fn()) {
    using R = decltype(fn());
    std::optional<R> result;
    std::thread t([&] {
      rt::Result<rt::Token> tok = rt::accountToken(account);
      if (!tok.ok())
        return;
      rt::ImpersonationScope scope(tok.value());
      if (!scope.ok())
        return;
      result = fn();
    });
    t.join();
    if (!result)
      error(std::string("could not run a client thread as ") + account);
    return std::move(*result);
  }

  // Starts the service's main() on its own thread (as the service); returns at once.
  void startService(int (*serviceMain)(void));
  long serviceThread() const { return serviceTid_.load(); }
  // Waits until the monitor has seen `count` requests end (the service finished them).
  bool waitRequestsEnded(size_t count, int timeoutMs = 5000) const;
  static std::optional<ThreadUids> threadUids(long tid);
  static long currentThread();

private:
  std::string root_;
  bool failed_ = false;
  std::atomic<long> serviceTid_{0};
};

// The reply of the example services' pipe protocol: one request message, then a
// {DWORD status, DWORD length} header and `length` bytes.
struct PipeReply {
  bool connected = false;  // the pipe was opened
  bool answered = false;   // a whole header came back
  DWORD status = ~0u;      // the header's status, when answered
  DWORD error = 0;         // GetLastError() when connected but not answered
  std::string data;
};

// Sends `request` on a new connection to `pipe` at the Impersonate level and reads the
// reply. Call it on a client thread (Scenario::asClient) to send as that account.
PipeReply exchangeOverPipe(const wchar_t *pipe, const void *request, DWORD size);

// The main() of a scenario program: skips without the privilege to impersonate, makes a
// fresh Windows root (and makes it the working directory), runs `body`, prints the
// monitor, cleans up and exits (service threads may still wait for clients).
[[noreturn]] void run(const char *title, void (*body)(Scenario &));

// Narrow text for messages.
std::string narrow(const std::wstring &text);

} // namespace impersonation::scenario
