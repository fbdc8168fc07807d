// Scenario for test-inputs/runnable/com-export-worker-thread-{buggy,fixed}.cpp: the COM
// method that starts its worker thread while impersonating.
//
// Calls go through the runtime's COM dispatch helper (a call context carrying the caller's
// identity). alice exports her own stub (control), then bob's, into her outbox. Observed:
// who owns the exported files (the worker's identity, as the kernel recorded it), and
// whether bob's stub lands in alice's outbox.
#include "Scenario.h"

#include <cwchar>
#include <objbase.h>

#include IMPSCENARIO_INPUT

using namespace impersonation::scenario;

namespace {

struct ExportArgs {
  wchar_t employee[16];
  wchar_t period[16];
  wchar_t destination[64];
};
struct ExportCall {
  PayStubArchive *archive;
  ExportArgs args;
  DWORD result;
};

HRESULT exportRoutine(void *context) {
  ExportCall *c = static_cast<ExportCall *>(context);
  return c->archive->ExportAsync(c->args.employee, c->args.period, c->args.destination);
}

HRESULT waitRoutine(void *context) {
  ExportCall *c = static_cast<ExportCall *>(context);
  return c->archive->WaitForExport(10000, &c->result);
}

// Runs ExportAsync then WaitForExport as two calls from `caller`; the export's result.
DWORD exportStub(Scenario &s, PayStubArchive &archive, HANDLE caller, const wchar_t *employee,
                 const wchar_t *period, const wchar_t *destination) {
  ExportCall c = {};
  c.archive = &archive;
  c.result = ~0u;
  std::wcsncpy(c.args.employee, employee, 15);
  std::wcsncpy(c.args.period, period, 15);
  std::wcsncpy(c.args.destination, destination, 63);
  HRESULT hr = ImpRt_ComDispatch("IPayStubArchive::ExportAsync", caller, &c.args,
                                 sizeof(c.args), exportRoutine, &c);
  if (FAILED(hr))
    s.error("ExportAsync failed: " + std::to_string(hr));
  hr = ImpRt_ComDispatch("IPayStubArchive::WaitForExport", caller, nullptr, 0, waitRoutine, &c);
  if (FAILED(hr))
    s.error("WaitForExport failed: " + std::to_string(hr));
  return c.result;
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("outbox/alice", "alice", 0700);
  s.standardControls();
  HANDLE alice = Scenario::token("alice");
  PayStubArchive archive;

  DWORD st = exportStub(s, archive, alice, L"alice", L"2024-05", L"outbox\\alice\\own.stub");
  s.control(st == ERROR_SUCCESS &&
                s.read("outbox/alice/own.stub") == Scenario::stubText("alice", "2024-05"),
            "alice exports her own pay stub into her outbox (status " + std::to_string(st) + ")");
  if (std::optional<uid_t> owner = s.ownerOf("outbox/alice/own.stub")) {
    if (*owner == 0)
      s.harm("the export worker started for alice ran as root: it created "
             "outbox/alice/own.stub as uid 0");
    else
      s.observe("the export worker started for alice ran as " + Scenario::nameOf(*owner) +
                " (it created outbox/alice/own.stub as uid " + std::to_string(*owner) + ")");
  }

  st = exportStub(s, archive, alice, L"bob", L"2024-05", L"outbox\\alice\\bob.stub");
  if (s.read("outbox/alice/bob.stub") == Scenario::stubText("bob", "2024-05"))
    s.harm("bob's pay stub was exported into alice's outbox (status " + std::to_string(st) + ")");
  else
    s.observe("alice's export of bob's pay stub fails (status " + std::to_string(st) + ")");
  CloseHandle(alice);
}

} // namespace

int main() { run("COM IPayStubArchive::ExportAsync: the worker thread", body); }
