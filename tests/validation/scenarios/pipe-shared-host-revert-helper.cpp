// Scenario for test-inputs/runnable/pipe-shared-host-revert-helper-{buggy,fixed}.c: the
// pay-stub pipe server whose handlers end impersonation through EndClientWork(), which
// skips the revert in the shared service host.
//
// This file also stands for the service's config.c: it defines g_sharedHost, and sets it
// as the service's control handler does on SERVICE_CONTROL_PARAMCHANGE. The service first
// runs alone: alice reads her own stub (control), the serving thread is the service again
// afterwards (control: EndClientWork reverts in this mode, in both versions), and alice is
// refused bob's stub (control). Then the service is moved into the shared host, and alice
// asks whom she is served as (control: alice). Observed: the serving thread's user ids as
// the kernel reports them once she has her answer, and whether bob, next, is served his
// own stub (the request log, written as the service before each request, is the service's
// alone).
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

// config.c: whether the service runs in the shared service host.
extern "C" {
BOOL g_sharedHost = FALSE;
}

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\paystubhost";
constexpr DWORD kMagic = 0x54534F48u;
constexpr DWORD kGetStub = 1, kWhoAmI = 2;

struct HostRequest {
  DWORD magic;
  DWORD command;
  WCHAR employee[16];
  WCHAR period[16];
};

struct Reply {
  DWORD status = ~0u;
  std::string data;
};

Reply send(Scenario &s, const char *account, DWORD command, const wchar_t *employee = L"",
           const wchar_t *period = L"") {
  return s.asClient(account, [&] {
    HostRequest req = {};
    req.magic = kMagic;
    req.command = command;
    std::wcsncpy(req.employee, employee, 15);
    std::wcsncpy(req.period, period, 15);
    PipeReply p = exchangeOverPipe(kPipe, &req, sizeof(req));
    Reply r;
    r.status = p.answered ? p.status : p.error;
    r.data = p.data;
    return r;
  });
}

// The name in a WHOAMI reply (wchar_t text).
std::string name(const Reply &r) {
  std::wstring w(reinterpret_cast<const wchar_t *>(r.data.data()), r.data.size() / sizeof(wchar_t));
  return narrow(w.c_str());
}

std::optional<ThreadUids> servingThread(Scenario &s) {
  std::optional<ThreadUids> u = Scenario::threadUids(s.serviceThread());
  if (!u)
    s.error("cannot read the serving thread's ids");
  return u;
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeFile("C/ProgramData/PayStub/requests.log", "", "root", 0600);
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  // The service alone.
  Reply r = send(s, "alice", kGetStub, L"alice", L"2024-05");
  if (!s.waitRequestsEnded(1))
    s.error("the service did not finish alice's first request");
  s.control(r.status == ERROR_SUCCESS && r.data == Scenario::stubText("alice", "2024-05"),
            "running alone, the service, impersonating alice, sends her own pay stub (status " +
                std::to_string(r.status) + ")");
  std::optional<ThreadUids> u = servingThread(s);
  s.control(u->effective == 0, "running alone, the serving thread is the service again after "
                               "alice's request (kernel: euid " +
                                   std::to_string(u->effective) + ")");
  r = send(s, "alice", kGetStub, L"bob", L"2024-05");
  if (!s.waitRequestsEnded(2))
    s.error("the service did not finish alice's second request");
  s.control(r.status == ERROR_ACCESS_DENIED && r.data.empty(),
            "running alone, the service refuses alice bob's pay stub (status " +
                std::to_string(r.status) + ")");

  // The service moved into the shared host: the control handler re-reads config.
  g_sharedHost = TRUE;
  s.observe("the service now runs in the shared host (g_sharedHost set, as on "
            "SERVICE_CONTROL_PARAMCHANGE)");
  r = send(s, "alice", kWhoAmI);
  if (!s.waitRequestsEnded(3))
    s.error("the service did not finish alice's third request");
  s.control(r.status == ERROR_SUCCESS && name(r) == "alice",
            "in the shared host, the service serves alice as alice (status " +
                std::to_string(r.status) + ", name \"" + name(r) + "\")");
  u = servingThread(s);
  if (u->effective != 0)
    s.harm("in the shared host, after alice's request the serving thread still runs as " +
           Scenario::nameOf(u->effective) + " (kernel: euid " + std::to_string(u->effective) +
           ", fsuid " + std::to_string(u->fs) + ") while it waits for the next client");
  else
    s.observe("in the shared host, the serving thread is the service again after alice's "
              "request (kernel: euid 0)");

  r = send(s, "bob", kGetStub, L"bob", L"2024-05");
  if (!s.waitRequestsEnded(4))
    s.error("the service did not finish bob's request");
  if (r.status == ERROR_SUCCESS && r.data == Scenario::stubText("bob", "2024-05"))
    s.observe("bob, next, is served his own pay stub");
  else
    s.harm("bob, next, is refused his own pay stub (status " + std::to_string(r.status) +
           "): the serving thread, still alice, could not write the service's request log");
  std::optional<std::string> log = s.read("C/ProgramData/PayStub/requests.log");
  s.observe("the request log holds " +
            std::to_string(log ? log->size() / (2 * sizeof(DWORD)) : 0) + " record(s)");
}

} // namespace

int main() { run("pay-stub pipe server: handlers end through a helper, in the shared host", body); }
