// Scenario for test-inputs/runnable/rpc-paystub-no-identity-{buggy,fixed}.c: the RPC
// manager routine that only logs a failed RpcImpersonateClient.
//
// Calls go through the runtime's RPC dispatch helper, which gives the routine a binding
// that carries the caller's identity, or none for a caller that did not authenticate.
// alice reads her own stub (control) and is refused bob's (control); then an
// unauthenticated caller asks for bob's stub. Observed: whether bob's stub comes back. Both
// versions record the refused impersonation in the service's own error log, as the service.
#include "Scenario.h"

#include <cwchar>
#include <rpc.h>

extern "C" error_status_t PayStub_Get(handle_t binding, const wchar_t *employee,
                                      const wchar_t *period, BYTE *stub, DWORD size,
                                      DWORD *length);

using namespace impersonation::scenario;

namespace {

struct GetArgs { // what travels from the caller: the [in] parameters
  wchar_t employee[16];
  wchar_t period[16];
};
struct GetCall {
  GetArgs args;
  BYTE stub[4096];
  DWORD length;
  error_status_t result;
};

void getRoutine(RPC_BINDING_HANDLE binding, void *context) {
  GetCall *c = static_cast<GetCall *>(context);
  c->result = PayStub_Get(binding, c->args.employee, c->args.period, c->stub,
                          sizeof(c->stub), &c->length);
}

GetCall call(Scenario &s, HANDLE caller, const wchar_t *employee, const wchar_t *period) {
  GetCall c = {};
  std::wcsncpy(c.args.employee, employee, 15);
  std::wcsncpy(c.args.period, period, 15);
  RPC_STATUS st = ImpRt_RpcDispatch("PayStub_Get", caller, &c.args, sizeof(c.args),
                                    getRoutine, &c);
  if (st != RPC_S_OK)
    s.error("the RPC dispatch helper failed: " + std::to_string(st));
  return c;
}

std::string data(const GetCall &c) {
  return std::string(reinterpret_cast<const char *>(c.stub), c.length);
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeFile("C/ProgramData/PayStub/errors.log", "", "root", 0600);
  s.standardControls();
  HANDLE alice = Scenario::token("alice");

  GetCall c = call(s, alice, L"alice", L"2024-05");
  s.control(c.result == ERROR_SUCCESS && data(c) == Scenario::stubText("alice", "2024-05"),
            "alice's authenticated call returns her own pay stub (status " +
                std::to_string(c.result) + ")");
  c = call(s, alice, L"bob", L"2024-05");
  s.control(c.result == ERROR_ACCESS_DENIED,
            "alice's authenticated call for bob's pay stub is refused (status " +
                std::to_string(c.result) + ")");

  c = call(s, nullptr, L"bob", L"2024-05");
  if (c.result == ERROR_SUCCESS && data(c) == Scenario::stubText("bob", "2024-05"))
    s.harm("a caller with no identity (an unauthenticated binding) received bob's pay stub");
  else
    s.observe("the unauthenticated call for bob's pay stub is refused (status " +
              std::to_string(c.result) + ")");
  std::optional<std::string> errors = s.read("C/ProgramData/PayStub/errors.log");
  s.observe("the service's error log has " +
            std::to_string(errors ? errors->size() / sizeof(DWORD) : 0) + " record(s)");
  CloseHandle(alice);
}

} // namespace

int main() { run("RPC PayStub_Get: a caller without an identity", body); }
