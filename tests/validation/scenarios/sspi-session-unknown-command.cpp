// Scenario for test-inputs/runnable/sspi-session-unknown-command-{buggy,fixed}.c: the SSPI
// session handler whose unknown-command path returns without RevertSecurityContext.
//
// Messages go through the runtime's SSPI dispatch helper, on this thread (the thread that
// serves the connection), each with a security context for its client. alice reads her
// own stub (control), then sends an unknown command; then bob reads his stub. Observed:
// this thread's user ids as the kernel reports them after alice's message, whether bob is
// served, and the service's journal.
#include "Scenario.h"

#include <cwchar>
#include <sspi.h>

namespace {
struct SessionRequest {
  DWORD command;
  WCHAR employee[16];
  WCHAR period[16];
};
struct SessionReply {
  DWORD status;
  DWORD length;
  BYTE data[4096];
};
} // namespace

extern "C" void HandleSessionMessage(PCtxtHandle context, const SessionRequest *req,
                                     SessionReply *reply);

using namespace impersonation::scenario;

namespace {

constexpr DWORD kGetStub = 1, kUnknown = 99;

struct Message {
  SessionRequest req;
  SessionReply reply;
};

void handle(PCtxtHandle context, void *ctx) {
  Message *m = static_cast<Message *>(ctx);
  HandleSessionMessage(context, &m->req, &m->reply);
}

SessionReply send(Scenario &s, HANDLE client, DWORD command, const wchar_t *employee,
                  const wchar_t *period) {
  Message m = {};
  m.req.command = command;
  std::wcsncpy(m.req.employee, employee, 15);
  std::wcsncpy(m.req.period, period, 15);
  m.reply.status = ~0u;
  if (ImpRt_SspiDispatch("session message", client, &m.req, sizeof(m.req), handle, &m) !=
      SEC_E_OK)
    s.error("the SSPI dispatch helper failed");
  return m.reply;
}

std::string text(const SessionReply &r) {
  return std::string(reinterpret_cast<const char *>(r.data), r.length);
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeFile("C/ProgramData/PayStub/sessions.journal", "", "root", 0600);
  s.standardControls();
  HANDLE alice = Scenario::token("alice"), bob = Scenario::token("bob");

  SessionReply r = send(s, alice, kGetStub, L"alice", L"2024-05");
  s.control(r.status == ERROR_SUCCESS && text(r) == Scenario::stubText("alice", "2024-05"),
            "alice's session reads her own pay stub (status " + std::to_string(r.status) + ")");

  r = send(s, alice, kUnknown, L"", L"");
  s.observe("alice's unknown command is answered with status " + std::to_string(r.status));
  std::optional<ThreadUids> u = Scenario::threadUids(Scenario::currentThread());
  if (!u)
    s.error("cannot read this thread's ids");
  if (u->effective != 0)
    s.harm("after alice's message the serving thread still runs as " +
           Scenario::nameOf(u->effective) + " (kernel: euid " + std::to_string(u->effective) +
           ")");
  else
    s.observe("after alice's message the serving thread is the service again (kernel: euid 0)");

  r = send(s, bob, kGetStub, L"bob", L"2024-05");
  if (r.status == ERROR_SUCCESS && text(r) == Scenario::stubText("bob", "2024-05"))
    s.observe("bob's next message is served: his own pay stub");
  else
    s.harm("bob's next message is refused with status " + std::to_string(r.status) +
           ": the service, still alice, could not write its own journal");
  ImpRt_ResetThread();

  std::optional<std::string> journal = s.read("C/ProgramData/PayStub/sessions.journal");
  size_t entries = journal ? journal->size() / sizeof(DWORD) : 0;
  s.observe("the session journal has " + std::to_string(entries) + " of 3 entries");
  CloseHandle(alice);
  CloseHandle(bob);
}

} // namespace

int main() { run("SSPI session: an unknown command, then the next message", body); }
