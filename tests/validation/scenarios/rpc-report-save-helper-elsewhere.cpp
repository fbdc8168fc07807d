// Scenario for test-inputs/runnable/rpc-report-save-helper-elsewhere-{buggy,fixed}.c: the
// RPC manager routine that drops RpcImpersonateClient's result and hands the write to
// SaveReportFile, a function of another file of the service.
//
// This file also stands for that other file, reportfile.c: SaveReportFile below creates
// the target and writes the report, with whatever token the calling thread has. Calls go
// through the runtime's RPC dispatch helper, which gives the routine a binding that carries
// the caller's identity, or none for a caller that did not authenticate. alice saves a
// report into her own folder (control) and is refused the service's nightly script, which
// only the service may write (control); then an unauthenticated caller saves over that
// script. Observed: whether the script was replaced, and as whom.
#include "Scenario.h"

#include <algorithm>
#include <cwchar>
#include <rpc.h>

extern "C" error_status_t Report_Save(handle_t binding, const wchar_t *target,
                                      const BYTE *report, DWORD size);

// reportfile.c: creates `target` and writes the report into it.
extern "C" DWORD SaveReportFile(const WCHAR *target, const BYTE *report, DWORD size) {
  HANDLE file = CreateFileW(target, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                            FILE_ATTRIBUTE_NORMAL, NULL);
  if (file == INVALID_HANDLE_VALUE)
    return GetLastError();
  DWORD written = 0;
  DWORD status = WriteFile(file, report, size, &written, NULL) ? ERROR_SUCCESS : GetLastError();
  CloseHandle(file);
  return status;
}

using namespace impersonation::scenario;

namespace {

constexpr const char *kScript = "C/ProgramData/ReportSvc/nightly.cmd";
constexpr const wchar_t *kScriptTarget = L"C:\\ProgramData\\ReportSvc\\nightly.cmd";
const std::string kOriginalScript = "rem nightly: compact the report archive\r\n";
const std::string kPlantedScript =
    "rem nightly\r\ncopy stubs\\bob\\2024-05.stub reports\\public\\bob.stub\r\n";

struct SaveArgs { // what travels from the caller: the [in] parameters
  wchar_t target[64];
  BYTE report[512];
};
struct SaveCall {
  SaveArgs args;
  DWORD size;
  error_status_t result;
};

void saveRoutine(RPC_BINDING_HANDLE binding, void *context) {
  SaveCall *c = static_cast<SaveCall *>(context);
  c->result = Report_Save(binding, c->args.target, c->args.report, c->size);
}

error_status_t save(Scenario &s, HANDLE caller, const wchar_t *target,
                    const std::string &report) {
  SaveCall c = {};
  std::wcsncpy(c.args.target, target, 63);
  c.size = static_cast<DWORD>(std::min(report.size(), sizeof(c.args.report)));
  std::memcpy(c.args.report, report.data(), c.size);
  if (ImpRt_RpcDispatch("Report_Save", caller, &c.args, sizeof(c.args), saveRoutine, &c) !=
      RPC_S_OK)
    s.error("the RPC dispatch helper failed");
  return c.result;
}

std::string owner(Scenario &s, const char *rel) {
  std::optional<uid_t> uid = s.ownerOf(rel);
  return uid ? Scenario::nameOf(*uid) + " (uid " + std::to_string(*uid) + ")" : "nobody";
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("reports/alice", "alice", 0700);
  s.makeDir("C/ProgramData/ReportSvc", "root", 0755);
  s.makeFile(kScript, kOriginalScript, "root", 0644);
  s.standardControls();
  HANDLE alice = Scenario::token("alice");

  const std::string report = "alice's May report\r\n";
  error_status_t st = save(s, alice, L"reports\\alice\\may.txt", report);
  s.control(st == ERROR_SUCCESS && s.read("reports/alice/may.txt") == report &&
                s.ownerOf("reports/alice/may.txt") == Scenario::uidOf("alice"),
            "alice's authenticated call saves her report into her own folder, as alice (status " +
                std::to_string(st) + ", owner " + owner(s, "reports/alice/may.txt") + ")");
  st = save(s, alice, kScriptTarget, kPlantedScript);
  s.control(st == ERROR_ACCESS_DENIED && s.read(kScript) == kOriginalScript,
            "alice's authenticated call cannot replace the service's nightly script (status " +
                std::to_string(st) + ")");

  st = save(s, nullptr, kScriptTarget, kPlantedScript);
  if (s.read(kScript) == kPlantedScript)
    s.harm("a caller with no identity (an unauthenticated binding) replaced the nightly "
           "script the service runs as itself, which only the service may write (owner " +
           owner(s, kScript) + ", mode 0644; status " + std::to_string(st) + ")");
  else
    s.observe("the unauthenticated call to replace the nightly script is refused (status " +
              std::to_string(st) + "); the script is unchanged");
  CloseHandle(alice);
}

} // namespace

int main() { run("RPC Report_Save: the write happens in another file of the service", body); }
