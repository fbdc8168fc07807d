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
struct ReplyHeader {
  DWORD status;
  DWORD length;
};
struct Reply {
  DWORD status = ~0u;
  std::string data;
};

Reply preview(Scenario &s, const char *account, const wchar_t *path) {
  return s.asClient(account, [&] {
    Reply r;
    if (!WaitNamedPipeW(kPipe, 5000))
      return r;
    HANDLE pipe = CreateFileW(kPipe, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION, NULL);
    if (pipe == INVALID_HANDLE_VALUE)
      return r;
    PreviewRequest req = {};
    req.magic = kMagic;
    std::wcsncpy(req.path, path, 63);
    DWORD n = 0;
    ReplyHeader header = {};
    if (WriteFile(pipe, &req, sizeof(req), &n, NULL) &&
        ReadFile(pipe, &header, sizeof(header), &n, NULL) && n == sizeof(header)) {
      r.status = header.status;
      std::string data(header.length, '\0');
      if (header.length != 0 && ReadFile(pipe, data.data(), header.length, &n, NULL))
        r.data = data.substr(0, n);
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

  Reply r = preview(s, "alice", L"alice\\2024-05.stub");
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
