// Scenario for test-inputs/examples/document-preview-pipe-server-{buggy,fixed}.c: the
// preview service that checks as the client and opens as the service.
//
// alice previews her own stub (control), then bob's. Observed: whether the preview carries
// bob's pay stub (the buggy service opens the document after RevertToSelf).
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\docpreview";
constexpr DWORD kMagic = 0x56455250u;

struct PreviewRequest {
  DWORD magic;
  WCHAR path[64];
};
PipeReply preview(Scenario &s, const char *account, const wchar_t *path) {
  return s.asClient(account, [&] {
    PreviewRequest req = {};
    req.magic = kMagic;
    std::wcsncpy(req.path, path, 63);
    return exchangeOverPipe(kPipe, &req, sizeof(req));
  });
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  PipeReply r = preview(s, "alice", L"alice\\2024-05.stub");
  s.control(r.status == ERROR_SUCCESS && r.data == Scenario::stubText("alice", "2024-05"),
            "alice previews her own pay stub (status " + std::to_string(r.status) + ")");
  r = preview(s, "alice", L"bob\\2024-05.stub");
  if (r.status == ERROR_SUCCESS && r.data == Scenario::stubText("bob", "2024-05"))
    s.harm("alice's preview of bob\\2024-05.stub shows bob's pay stub: \"" +
           r.data.substr(0, r.data.size() - 1) + "\"");
  else
    s.observe("alice's preview of bob's pay stub is refused (status " +
              std::to_string(r.status) + ")");
}

} // namespace

int main() { run("document preview: alice previews bob's pay stub", body); }
