// Scenario for test-inputs/runnable/rpc-copy-before-impersonate-{buggy,fixed}.c: the RPC
// manager routine that creates the caller-named destination before impersonating.
//
// alice copies her own stub into her outbox (control), then names bob's pay stub as the
// destination. Observed: whether bob's stub now holds alice's.
#include "Scenario.h"

#include <cwchar>
#include <rpc.h>

extern "C" error_status_t PayStub_CopyTo(handle_t binding, const wchar_t *employee,
                                         const wchar_t *period, const wchar_t *destination);

using namespace impersonation::scenario;

namespace {

struct CopyArgs {
  wchar_t employee[16];
  wchar_t period[16];
  wchar_t destination[64];
};
struct CopyCall {
  CopyArgs args;
  error_status_t result;
};

void copyRoutine(RPC_BINDING_HANDLE binding, void *context) {
  CopyCall *c = static_cast<CopyCall *>(context);
  c->result = PayStub_CopyTo(binding, c->args.employee, c->args.period, c->args.destination);
}

error_status_t copyTo(Scenario &s, HANDLE caller, const wchar_t *employee,
                      const wchar_t *period, const wchar_t *destination) {
  CopyCall c = {};
  std::wcsncpy(c.args.employee, employee, 15);
  std::wcsncpy(c.args.period, period, 15);
  std::wcsncpy(c.args.destination, destination, 63);
  if (ImpRt_RpcDispatch("PayStub_CopyTo", caller, &c.args, sizeof(c.args), copyRoutine, &c) !=
      RPC_S_OK)
    s.error("the RPC dispatch helper failed");
  return c.result;
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("outbox/alice", "alice", 0700);
  s.standardControls();
  HANDLE alice = Scenario::token("alice");

  error_status_t st = copyTo(s, alice, L"alice", L"2024-05", L"outbox\\alice\\2024-05.stub");
  s.control(st == ERROR_SUCCESS &&
                s.read("outbox/alice/2024-05.stub") == Scenario::stubText("alice", "2024-05"),
            "alice copies her own pay stub into her outbox (status " + std::to_string(st) + ")");

  st = copyTo(s, alice, L"alice", L"2024-05", L"stubs\\bob\\2024-05.stub");
  std::optional<std::string> bob = s.read("stubs/bob/2024-05.stub");
  if (bob != Scenario::stubText("bob", "2024-05"))
    s.harm("alice's copy overwrote bob's pay stub; it now reads \"" +
           (bob ? bob->substr(0, bob->size() ? bob->size() - 1 : 0) : std::string("<gone>")) +
           "\" (status " + std::to_string(st) + ")");
  else
    s.observe("alice cannot copy over bob's pay stub (status " + std::to_string(st) +
              "); it is unchanged");
  CloseHandle(alice);
}

} // namespace

int main() { run("RPC PayStub_CopyTo: alice names bob's pay stub as the destination", body); }
