// Scenario for test-inputs/runnable/spool-cancel-without-impersonation-{buggy,fixed}.c: the
// spooler whose CANCEL deletes the client-named job without impersonating.
//
// Each owner's spool folder is theirs alone (mode 0700). alice submits a job and cancels
// it (controls), then cancels bob's job. Observed: whether bob's job still exists.
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\stubspool";
constexpr DWORD kMagic = 0x4C4F4F50u, kSubmit = 1, kCancel = 2;

struct SpoolRequest {
  DWORD magic;
  DWORD command;
  WCHAR owner[16];
  WCHAR job[16];
  WCHAR document[64];
};

DWORD spool(Scenario &s, const char *account, DWORD command, const wchar_t *owner,
            const wchar_t *job, const wchar_t *document) {
  return s.asClient(account, [&] {
    DWORD status = ~0u;
    if (!WaitNamedPipeW(kPipe, 5000))
      return status;
    HANDLE pipe = CreateFileW(kPipe, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION, NULL);
    if (pipe == INVALID_HANDLE_VALUE)
      return status;
    SpoolRequest req = {};
    req.magic = kMagic;
    req.command = command;
    std::wcsncpy(req.owner, owner, 15);
    std::wcsncpy(req.job, job, 15);
    std::wcsncpy(req.document, document, 63);
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
  s.makeDir("spool/alice", "alice", 0700);
  s.makeDir("spool/bob", "bob", 0700);
  s.makeFile("spool/bob/payroll.spl", Scenario::stubText("bob", "2024-05"), "bob", 0600);
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  DWORD st = spool(s, "alice", kSubmit, L"alice", L"mine", L"stubs\\alice\\2024-05.stub");
  s.control(st == ERROR_SUCCESS &&
                s.read("spool/alice/mine.spl") == Scenario::stubText("alice", "2024-05"),
            "alice spools her own pay stub (status " + std::to_string(st) + ")");
  st = spool(s, "alice", kCancel, L"alice", L"mine", L"");
  s.control(st == ERROR_SUCCESS && !s.exists("spool/alice/mine.spl"),
            "alice cancels her own job (status " + std::to_string(st) + ")");

  st = spool(s, "alice", kCancel, L"bob", L"payroll", L"");
  if (!s.exists("spool/bob/payroll.spl"))
    s.harm("alice cancelled bob's print job: spool/bob/payroll.spl is gone (status " +
           std::to_string(st) + ")");
  else
    s.observe("alice cannot cancel bob's print job (status " + std::to_string(st) +
              "); it is still spooled");
}

} // namespace

int main() { run("spooler: alice cancels bob's job", body); }
