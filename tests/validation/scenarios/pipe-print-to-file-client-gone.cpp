// Scenario for test-inputs/runnable/pipe-print-to-file-client-gone-{buggy,fixed}.c: the
// "print to file" spooler that impersonates its client after the client has gone away.
//
// The client sends the header, waits for "ready", sends the document and closes the pipe
// (the end of the pipe is the end of the document). alice prints into her own outbox
// (control), then prints a forged stub over bob's pay stub. Observed: who owns alice's
// printed file, and whether bob's stub was overwritten.
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\printtofile";
constexpr DWORD kMagic = 0x544E5250u;

struct PrintHeader {
  DWORD magic;
  WCHAR destination[64];
};

// Prints `document` to `destination` as `account`; returns the "ready" answer.
DWORD print(Scenario &s, const char *account, const wchar_t *destination,
            const std::string &document) {
  return s.asClient(account, [&] {
    DWORD ready = ~0u;
    if (!WaitNamedPipeW(kPipe, 5000))
      return ready;
    HANDLE pipe = CreateFileW(kPipe, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION, NULL);
    if (pipe == INVALID_HANDLE_VALUE)
      return ready;
    PrintHeader header = {};
    header.magic = kMagic;
    std::wcsncpy(header.destination, destination, 63);
    DWORD n = 0;
    if (WriteFile(pipe, &header, sizeof(header), &n, NULL) &&
        ReadFile(pipe, &ready, sizeof(ready), &n, NULL) && ready == ERROR_SUCCESS)
      WriteFile(pipe, document.data(), static_cast<DWORD>(document.size()), &n, NULL);
    CloseHandle(pipe); // the end of the document
    return ready;
  });
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("outbox/alice", "alice", 0700);
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  const std::string job = "alice's print job\n";
  DWORD ready = print(s, "alice", L"outbox\\alice\\job.prn", job);
  if (!s.waitRequestsEnded(1))
    s.error("the spooler did not finish alice's first job");
  s.control(ready == ERROR_SUCCESS && s.read("outbox/alice/job.prn") == job,
            "alice prints into her own outbox (ready " + std::to_string(ready) + ")");
  if (std::optional<uid_t> owner = s.ownerOf("outbox/alice/job.prn"))
    s.observe("alice's printed file was written as " + Scenario::nameOf(*owner) + " (uid " +
              std::to_string(*owner) + ")");

  const std::string forged = "PAY STUB bob 2024-05: net pay 0.00 (forged by alice)\n";
  ready = print(s, "alice", L"stubs\\bob\\2024-05.stub", forged);
  if (!s.waitRequestsEnded(2))
    s.error("the spooler did not finish alice's second job");
  std::optional<std::string> bob = s.read("stubs/bob/2024-05.stub");
  if (bob == forged)
    s.harm("alice's print job overwrote bob's pay stub with her forged one");
  else
    s.observe(std::string("bob's pay stub is ") +
              (bob == Scenario::stubText("bob", "2024-05") ? "unchanged" : "changed otherwise") +
              " after alice's print to it (ready " + std::to_string(ready) + ")");
}

} // namespace

int main() { run("print to file: the client has gone when the job is written", body); }
