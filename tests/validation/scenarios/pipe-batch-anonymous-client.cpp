// Scenario for test-inputs/runnable/pipe-batch-anonymous-client-{buggy,fixed}.c: the batch
// server that neither checks its token capture nor its ImpersonateLoggedOnUser.
//
// alice, connecting at the default level (Impersonation), reads her own stub (control) and
// is refused bob's (control); at Identify level she cannot have her own stub opened
// (ERROR_BAD_IMPERSONATION_LEVEL, as on Windows). Then she connects at Anonymous level and
// asks for bob's stub. Observed: whether bob's stub comes back.
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\stubbatch";
constexpr DWORD kMagic = 0x48435442u;

struct BatchRequest {
  DWORD magic;
  DWORD count;
  WCHAR employee[16];
  WCHAR periods[4][16];
};
struct BatchReply {
  DWORD status[4];
  DWORD length[4];
  BYTE data[4][4096];
};
struct Result {
  DWORD status = ~0u;
  std::string data;
};

// One-period batch from `account` connecting with `sqos` flags.
Result fetch(Scenario &s, const char *account, DWORD sqos, const wchar_t *employee,
             const wchar_t *period) {
  return s.asClient(account, [&] {
    Result r;
    if (!WaitNamedPipeW(kPipe, 5000))
      return r;
    HANDLE pipe = CreateFileW(kPipe, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              SECURITY_SQOS_PRESENT | sqos, NULL);
    if (pipe == INVALID_HANDLE_VALUE)
      return r;
    BatchRequest req = {};
    req.magic = kMagic;
    req.count = 1;
    std::wcsncpy(req.employee, employee, 15);
    std::wcsncpy(req.periods[0], period, 15);
    static BatchReply reply;
    DWORD n = 0;
    if (WriteFile(pipe, &req, sizeof(req), &n, NULL) &&
        ReadFile(pipe, &reply, sizeof(reply), &n, NULL) && n == sizeof(reply)) {
      r.status = reply.status[0];
      r.data.assign(reinterpret_cast<const char *>(reply.data[0]), reply.length[0]);
    }
    CloseHandle(pipe);
    return r;
  });
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  Result r = fetch(s, "alice", SECURITY_IMPERSONATION, L"alice", L"2024-05");
  s.control(r.status == ERROR_SUCCESS && r.data == Scenario::stubText("alice", "2024-05"),
            "alice (Impersonation level) gets her own pay stub (status " +
                std::to_string(r.status) + ")");
  r = fetch(s, "alice", SECURITY_IMPERSONATION, L"bob", L"2024-05");
  s.control(r.status == ERROR_ACCESS_DENIED,
            "alice (Impersonation level) is refused bob's pay stub (status " +
                std::to_string(r.status) + ")");
  r = fetch(s, "alice", SECURITY_IDENTIFICATION, L"alice", L"2024-05");
  s.control(r.status == ERROR_BAD_IMPERSONATION_LEVEL,
            "at Identify level the service cannot open alice's own pay stub as her (status " +
                std::to_string(r.status) + ")");

  r = fetch(s, "alice", SECURITY_ANONYMOUS, L"bob", L"2024-05");
  if (r.status == ERROR_SUCCESS && r.data == Scenario::stubText("bob", "2024-05"))
    s.harm("alice, connecting at Anonymous level, received bob's pay stub");
  else
    s.observe("alice, connecting at Anonymous level, is refused bob's pay stub (status " +
              std::to_string(r.status) + ")");
}

} // namespace

int main() { run("pay-stub batch server: a client at Anonymous level", body); }
