// Scenario for test-inputs/examples/stub-viewer-pipe-server-{buggy,fixed}.c: the stub
// viewer that impersonates before reading from the pipe, and does not check the result.
//
// alice reads her own stub (control), then asks for bob's. Observed: whether the reply
// carries bob's pay stub (the buggy service's impersonation fails, ERROR_CANNOT_IMPERSONATE,
// and it opens the stub with its own token).
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\stubviewer";
constexpr DWORD kMagic = 0x57454956u;

struct ViewRequest {
  DWORD magic;
  WCHAR employee[16];
  WCHAR period[16];
};
PipeReply view(Scenario &s, const char *account, const wchar_t *employee, const wchar_t *period) {
  return s.asClient(account, [&] {
    ViewRequest req = {};
    req.magic = kMagic;
    std::wcsncpy(req.employee, employee, 15);
    std::wcsncpy(req.period, period, 15);
    return exchangeOverPipe(kPipe, &req, sizeof(req));
  });
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  PipeReply r = view(s, "alice", L"alice", L"2024-05");
  s.control(r.status == ERROR_SUCCESS && r.data == Scenario::stubText("alice", "2024-05"),
            "alice views her own pay stub (status " + std::to_string(r.status) + ")");
  r = view(s, "alice", L"bob", L"2024-05");
  if (r.status == ERROR_SUCCESS && r.data == Scenario::stubText("bob", "2024-05"))
    s.harm("alice received bob's pay stub: \"" + r.data.substr(0, r.data.size() - 1) + "\"");
  else
    s.observe("alice's request for bob's pay stub is refused (status " +
              std::to_string(r.status) + ")");
}

} // namespace

int main() { run("stub viewer: alice asks for bob's pay stub", body); }
