// Scenario for test-inputs/examples/paystub-pipe-server-{buggy,fixed}.c: the pay-stub pipe
// server whose bad-request path forgets RevertToSelf.
//
// alice reads her own stub (control), is refused bob's (control), then sends a request
// with a bad employee name. Observed: the serving thread's user ids as the kernel reports
// them once she has her answer (the buggy service keeps alice's), and whether the audit
// record of her rejected request exists (the buggy service writes it as alice, and the log
// is the service's alone). Then bob reads his own stub (the service still serves).
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\paystub";
constexpr DWORD kMagic = 0x42555453u;

struct StubRequest {
  DWORD magic;
  WCHAR employee[16];
  WCHAR period[16];
};
struct Reply {
  bool connected = false;
  DWORD status = 0;
  std::string data;
};

Reply requestStub(Scenario &s, const char *account, const wchar_t *employee,
                  const wchar_t *period) {
  return s.asClient(account, [&] {
    StubRequest req = {};
    req.magic = kMagic;
    std::wcsncpy(req.employee, employee, 15);
    std::wcsncpy(req.period, period, 15);
    PipeReply p = exchangeOverPipe(kPipe, &req, sizeof(req));
    Reply r;
    r.connected = p.connected;
    r.status = p.answered ? p.status : p.error;
    r.data = p.data;
    return r;
  });
}

// The audit log: one DWORD status per connection, written by the service.
std::vector<DWORD> auditRecords(Scenario &s) {
  std::vector<DWORD> out;
  std::optional<std::string> log = s.read("C/ProgramData/PayStub/audit.log");
  for (size_t i = 0; log && i + sizeof(DWORD) <= log->size(); i += sizeof(DWORD)) {
    DWORD v;
    std::memcpy(&v, log->data() + i, sizeof(v));
    out.push_back(v);
  }
  return out;
}

bool hasRecord(Scenario &s, DWORD status) {
  for (DWORD v : auditRecords(s))
    if (v == status)
      return true;
  return false;
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeFile("C/ProgramData/PayStub/audit.log", "", "root", 0600);
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  Reply r = requestStub(s, "alice", L"alice", L"2024-05");
  s.control(r.connected && r.status == ERROR_SUCCESS &&
                r.data == Scenario::stubText("alice", "2024-05"),
            "the service, impersonating alice, sends her own pay stub (status " +
                std::to_string(r.status) + ")");
  r = requestStub(s, "alice", L"bob", L"2024-05");
  s.control(r.status == ERROR_ACCESS_DENIED && r.data.empty(),
            "the service refuses alice bob's pay stub (status " + std::to_string(r.status) +
                ")");

  r = requestStub(s, "alice", L"..", L"bob");
  s.observe("alice's request for employee \"..\" is answered with status " +
            std::to_string(r.status));
  std::optional<ThreadUids> u = Scenario::threadUids(s.serviceThread());
  if (!u)
    s.error("cannot read the serving thread's ids");
  if (u->effective != 0)
    s.harm("after alice's rejected request the serving thread still runs as " +
           Scenario::nameOf(u->effective) + " (kernel: euid " + std::to_string(u->effective) +
           ", fsuid " + std::to_string(u->fs) + ") while it waits for the next client");
  else
    s.observe("after alice's rejected request the serving thread is the service again "
              "(kernel: euid 0)");

  r = requestStub(s, "bob", L"bob", L"2024-05");
  s.control(r.status == ERROR_SUCCESS && r.data == Scenario::stubText("bob", "2024-05"),
            "the service, impersonating bob, sends his own pay stub (status " +
                std::to_string(r.status) + ")");
  // Served after alice's rejected request, so its audit record, if any, is written now.
  if (!hasRecord(s, ERROR_INVALID_NAME))
    s.harm("the audit record of alice's rejected request is missing: the service wrote it "
           "with alice's token, and the audit log is the service's alone");
  else
    s.observe("the audit log records alice's rejected request");
}

} // namespace

int main() { run("paystub pipe server: bad request, then the next client", body); }
