// Scenario for test-inputs/examples/stub-render-pipe-server-{buggy,fixed}.c: the renderer
// that starts its converter with CreateProcessW while impersonating.
//
// The converter, stubrender, is a script in the Windows root that writes the uid it really
// runs as (the kernel's, from `id -u`) and the stub it is given. alice renders her own stub
// (control), then bob's. Observed: the uid the converter ran as, and whether bob's stub
// comes back to alice.
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\stubrender";
constexpr DWORD kMagic = 0x444E4552u;

struct RenderRequest {
  DWORD magic;
  WCHAR employee[16];
  WCHAR period[16];
};
PipeReply render(Scenario &s, const char *account, const wchar_t *employee, const wchar_t *period) {
  return s.asClient(account, [&] {
    RenderRequest req = {};
    req.magic = kMagic;
    std::wcsncpy(req.employee, employee, 15);
    std::wcsncpy(req.period, period, 15);
    return exchangeOverPipe(kPipe, &req, sizeof(req));
  });
}

// "rendered by uid N\n<stub>" -> N, or -1.
long renderedBy(const std::string &data) {
  const std::string prefix = "rendered by uid ";
  if (data.rfind(prefix, 0) != 0)
    return -1;
  return std::strtol(data.c_str() + prefix.size(), nullptr, 10);
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("render", "root", 01777);
  s.makeScript("stubrender",
               "# stubrender <stub> <output>: the converter. Paths come in Windows form.\n"
               "in=$(printf '%s' \"$1\" | tr '\\\\' /)\n"
               "out=$(printf '%s' \"$2\" | tr '\\\\' /)\n"
               "stub=$(cat \"$in\") || exit 1\n"
               "printf 'rendered by uid %s\\n%s\\n' \"$(id -u)\" \"$stub\" > \"$out\" || exit 1\n");
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  PipeReply r = render(s, "alice", L"alice", L"2024-05");
  const std::string own = Scenario::stubText("alice", "2024-05");
  s.control(r.status == ERROR_SUCCESS && r.data.find(own) != std::string::npos,
            "alice gets her own pay stub rendered (status " + std::to_string(r.status) + ")");
  long uid = renderedBy(r.data);
  if (uid == 0)
    s.harm("the converter started for alice ran as root (its `id -u` printed 0)");
  else
    s.observe("the converter started for alice ran as uid " + std::to_string(uid) + " (" +
              Scenario::nameOf(static_cast<uid_t>(uid)) + ")");

  r = render(s, "alice", L"bob", L"2024-05");
  if (r.status == ERROR_SUCCESS &&
      r.data.find(Scenario::stubText("bob", "2024-05")) != std::string::npos)
    s.harm("alice received bob's pay stub, rendered by a converter running as uid " +
           std::to_string(renderedBy(r.data)));
  else
    s.observe("alice's request to render bob's pay stub fails (status " +
              std::to_string(r.status) + ")");
}

} // namespace

int main() { run("stub renderer: the converter process started for alice", body); }
