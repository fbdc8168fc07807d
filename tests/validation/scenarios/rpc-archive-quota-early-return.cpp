// Scenario for test-inputs/runnable/rpc-archive-quota-early-return-{buggy,fixed}.cpp: the
// RPC manager routine whose over-quota path returns without RpcRevertToSelf.
//
// Calls go through the runtime's RPC dispatch helper on this thread (the RPC thread), which,
// like the RPC runtime, does not revert for the routine. alice stores a small file (control),
// then one over the quota; then bob stores one. Observed: this thread's user ids as the
// kernel reports them after alice's call, and whether bob's call is served.
#include "Scenario.h"

#include <algorithm>
#include <cwchar>
#include <rpc.h>

#include IMPSCENARIO_INPUT

using namespace impersonation::scenario;

namespace {

struct StoreArgs {
  wchar_t name[32];
  BYTE data[2048];
};
struct StoreCall {
  StoreArgs args;
  DWORD size;
  error_status_t result;
};

void storeRoutine(RPC_BINDING_HANDLE binding, void *context) {
  StoreCall *c = static_cast<StoreCall *>(context);
  c->result = Archive_Store(binding, c->args.name, c->args.data, c->size);
}

error_status_t store(Scenario &s, HANDLE caller, const wchar_t *name, const std::string &data) {
  StoreCall c = {};
  std::wcsncpy(c.args.name, name, 31);
  c.size = static_cast<DWORD>(std::min(data.size(), sizeof(c.args.data)));
  std::memcpy(c.args.data, data.data(), c.size);
  if (ImpRt_RpcDispatch("Archive_Store", caller, &c.args, sizeof(c.args), storeRoutine, &c) !=
      RPC_S_OK)
    s.error("the RPC dispatch helper failed");
  return c.result;
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("archive/alice", "alice", 0700);
  s.makeDir("archive/bob", "bob", 0700);
  s.makeFile("C/ProgramData/PayStub/archive-calls.log", "", "root", 0600);
  s.standardControls();
  HANDLE alice = Scenario::token("alice"), bob = Scenario::token("bob");

  error_status_t st = store(s, alice, L"notes.txt", "alice's notes\n");
  s.control(st == ERROR_SUCCESS && s.read("archive/alice/notes.txt") == "alice's notes\n",
            "alice stores a file in her own archive folder (status " + std::to_string(st) + ")");

  st = store(s, alice, L"big.bin", std::string(1500, 'x'));
  s.observe("alice's store over the quota is answered with status " + std::to_string(st));
  std::optional<ThreadUids> u = Scenario::threadUids(Scenario::currentThread());
  if (!u)
    s.error("cannot read this thread's ids");
  if (u->effective != 0)
    s.harm("after alice's call the RPC thread still runs as " + Scenario::nameOf(u->effective) +
           " (kernel: euid " + std::to_string(u->effective) + ")");
  else
    s.observe("after alice's call the RPC thread is the service again (kernel: euid 0)");

  st = store(s, bob, L"notes.txt", "bob's notes\n");
  if (st == ERROR_SUCCESS && s.read("archive/bob/notes.txt") == "bob's notes\n")
    s.observe("bob's next call is served");
  else
    s.harm("bob's next call is refused with status " + std::to_string(st) +
           ": the service, still alice, could not write its own call log");
  ImpRt_ResetThread();
  CloseHandle(alice);
  CloseHandle(bob);
}

} // namespace

int main() { run("RPC Archive_Store: over the quota, then the next caller", body); }
