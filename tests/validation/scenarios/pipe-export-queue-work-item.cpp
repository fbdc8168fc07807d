// Scenario for test-inputs/runnable/pipe-export-queue-work-item-{buggy,fixed}.c: the export
// server that queues its copy to the thread pool while impersonating.
//
// alice exports her own stub into her outbox (control), then bob's. Observed: who owns the
// exported file (the pool thread's identity, as the kernel recorded it), and whether bob's
// stub lands in alice's outbox.
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\stubexport";
constexpr DWORD kMagic = 0x54505845u;

struct ExportRequest {
  DWORD magic;
  WCHAR employee[16];
  WCHAR period[16];
  WCHAR outboxFile[16];
};

DWORD exportStub(Scenario &s, const char *account, const wchar_t *employee,
                 const wchar_t *period, const wchar_t *outboxFile) {
  return s.asClient(account, [&] {
    DWORD status = ~0u;
    if (!WaitNamedPipeW(kPipe, 5000))
      return status;
    HANDLE pipe = CreateFileW(kPipe, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION, NULL);
    if (pipe == INVALID_HANDLE_VALUE)
      return status;
    ExportRequest req = {};
    req.magic = kMagic;
    std::wcsncpy(req.employee, employee, 15);
    std::wcsncpy(req.period, period, 15);
    std::wcsncpy(req.outboxFile, outboxFile, 15);
    DWORD n = 0;
    if (!WriteFile(pipe, &req, sizeof(req), &n, NULL) ||
        !ReadFile(pipe, &status, sizeof(status), &n, NULL))
      status = ~0u;
    CloseHandle(pipe);
    return status;
  });
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("outbox/alice", "alice", 0700);
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  DWORD st = exportStub(s, "alice", L"alice", L"2024-05", L"own.stub");
  s.control(st == ERROR_SUCCESS &&
                s.read("outbox/alice/own.stub") == Scenario::stubText("alice", "2024-05"),
            "alice exports her own pay stub into her outbox (status " + std::to_string(st) + ")");
  if (std::optional<uid_t> owner = s.ownerOf("outbox/alice/own.stub")) {
    if (*owner == 0)
      s.harm("the work item queued for alice ran as root: it created outbox/alice/own.stub "
             "as uid 0");
    else
      s.observe("the work item queued for alice ran as " + Scenario::nameOf(*owner) +
                " (uid " + std::to_string(*owner) + ")");
  }

  st = exportStub(s, "alice", L"bob", L"2024-05", L"bob.stub");
  if (s.read("outbox/alice/bob.stub") == Scenario::stubText("bob", "2024-05"))
    s.harm("bob's pay stub was exported into alice's outbox (status " + std::to_string(st) + ")");
  else
    s.observe("alice's export of bob's pay stub fails (status " + std::to_string(st) + ")");
}

} // namespace

int main() { run("export server: the thread-pool work item queued for alice", body); }
