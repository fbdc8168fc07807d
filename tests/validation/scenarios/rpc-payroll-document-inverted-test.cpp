// Scenario for test-inputs/runnable/rpc-payroll-document-inverted-test-{buggy,fixed}.c: the
// RPC manager routine whose test of RpcImpersonateClient is inverted (a BOOL test kept on an
// RPC_STATUS).
//
// Calls go through the runtime's RPC dispatch helper, which gives the routine a binding that
// carries the caller's identity, or none for a caller that did not authenticate. Each call
// is served on a thread of its own, as by a thread of the RPC runtime's pool; when the
// routine returns, the driver reads that thread's user ids from the kernel (the RPC runtime
// reverts nothing for the routine: what the routine left in force, the thread keeps for the
// next call it serves).
//
// The controls are what both versions do: the runtime itself (standard controls), and
// alice's authenticated call for bob's stub does not give it to her (the fixed routine
// reads as alice and is denied, the buggy one refuses every authenticated call). Observed:
// alice's call for her own stub (the buggy routine refuses it: it cannot serve an
// authenticated caller at all), the thread that served it, and an unauthenticated call for
// bob's stub.
#include "Scenario.h"

#include <cwchar>
#include <rpc.h>

extern "C" error_status_t Payroll_ReadDocument(handle_t binding, const wchar_t *path,
                                               BYTE *data, DWORD size, DWORD *length);

using namespace impersonation::scenario;

namespace {

struct ReadArgs { // what travels from the caller: the [in] parameters
  wchar_t path[64];
};
struct ReadCall {
  ReadArgs args;
  BYTE data[4096];
  DWORD length;
  error_status_t result;
  std::optional<ThreadUids> after; // the serving thread's ids when the routine returned
};

void readRoutine(RPC_BINDING_HANDLE binding, void *context) {
  ReadCall *c = static_cast<ReadCall *>(context);
  c->result = Payroll_ReadDocument(binding, c->args.path, c->data, sizeof(c->data), &c->length);
}

// One call, served on a new thread (which starts as the service).
ReadCall call(Scenario &s, HANDLE caller, const wchar_t *path) {
  ReadCall c = {};
  std::wcsncpy(c.args.path, path, 63);
  RPC_STATUS st = RPC_S_OK;
  std::thread rpcThread([&] {
    st = ImpRt_RpcDispatch("Payroll_ReadDocument", caller, &c.args, sizeof(c.args),
                           readRoutine, &c);
    c.after = Scenario::threadUids(Scenario::currentThread());
  });
  rpcThread.join();
  if (st != RPC_S_OK)
    s.error("the RPC dispatch helper failed: " + std::to_string(st));
  if (!c.after)
    s.error("cannot read the RPC thread's ids");
  return c;
}

std::string data(const ReadCall &c) {
  return std::string(reinterpret_cast<const char *>(c.data), c.length);
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.standardControls();
  HANDLE alice = Scenario::token("alice");

  ReadCall c = call(s, alice, L"stubs\\alice\\2024-05.stub");
  if (c.result == ERROR_SUCCESS && data(c) == Scenario::stubText("alice", "2024-05"))
    s.observe("alice's authenticated call returns her own pay stub");
  else
    s.observe("alice's authenticated call for her own pay stub is refused (status " +
              std::to_string(c.result) + ")");
  if (c.after->effective != 0)
    s.harm("after alice's call the RPC thread that served it still runs as " +
           Scenario::nameOf(c.after->effective) + " (kernel: euid " +
           std::to_string(c.after->effective) + ") when the routine has returned");
  else
    s.observe("after alice's call the RPC thread is the service again (kernel: euid 0)");

  c = call(s, alice, L"stubs\\bob\\2024-05.stub");
  s.control(c.result != ERROR_SUCCESS && c.length == 0,
            "alice's authenticated call for bob's pay stub does not return it (status " +
                std::to_string(c.result) + ")");

  c = call(s, nullptr, L"stubs\\bob\\2024-05.stub");
  if (c.result == ERROR_SUCCESS && data(c) == Scenario::stubText("bob", "2024-05"))
    s.harm("a caller with no identity (an unauthenticated binding) received bob's pay stub");
  else
    s.observe("the unauthenticated call for bob's pay stub is refused (status " +
              std::to_string(c.result) + ")");
  CloseHandle(alice);
}

} // namespace

int main() { run("RPC Payroll_ReadDocument: an inverted test of RpcImpersonateClient", body); }
