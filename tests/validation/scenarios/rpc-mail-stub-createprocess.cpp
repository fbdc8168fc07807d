// Scenario for test-inputs/runnable/rpc-mail-stub-createprocess-{buggy,fixed}.c: the RPC
// manager routine that starts its mailer with CreateProcessW while impersonating.
//
// The mailer, stubmail, is a script in the Windows root that appends the uid it really runs
// as (the kernel's, from `id -u`) and the stub to a mailbox. alice mails her own stub to her
// mailbox (control), then bob's. Observed: the uid the mailer ran as, and whether bob's
// stub lands in alice's mailbox.
#include "Scenario.h"

#include <cwchar>
#include <rpc.h>

extern "C" error_status_t PayStub_Mail(handle_t binding, const wchar_t *employee,
                                       const wchar_t *period, const wchar_t *mailbox);

using namespace impersonation::scenario;

namespace {

struct MailArgs {
  wchar_t employee[16];
  wchar_t period[16];
  wchar_t mailbox[16];
};
struct MailCall {
  MailArgs args;
  error_status_t result;
};

void mailRoutine(RPC_BINDING_HANDLE binding, void *context) {
  MailCall *c = static_cast<MailCall *>(context);
  c->result = PayStub_Mail(binding, c->args.employee, c->args.period, c->args.mailbox);
}

error_status_t mail(Scenario &s, HANDLE caller, const wchar_t *employee, const wchar_t *period,
                    const wchar_t *mailbox) {
  MailCall c = {};
  std::wcsncpy(c.args.employee, employee, 15);
  std::wcsncpy(c.args.period, period, 15);
  std::wcsncpy(c.args.mailbox, mailbox, 15);
  if (ImpRt_RpcDispatch("PayStub_Mail", caller, &c.args, sizeof(c.args), mailRoutine, &c) !=
      RPC_S_OK)
    s.error("the RPC dispatch helper failed");
  return c.result;
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  s.makeDir("mail", "root", 0755);
  s.makeFile("mail/alice.mbox", "", "alice", 0600);
  s.makeScript("stubmail",
               "# stubmail <stub> <mailbox>: the mailer. Paths come in Windows form.\n"
               "in=$(printf '%s' \"$1\" | tr '\\\\' /)\n"
               "out=$(printf '%s' \"$2\" | tr '\\\\' /)\n"
               "stub=$(cat \"$in\") || exit 1\n"
               "printf 'mailed by uid %s\\n%s\\n' \"$(id -u)\" \"$stub\" >> \"$out\" || exit 1\n");
  s.standardControls();
  HANDLE alice = Scenario::token("alice");

  error_status_t st = mail(s, alice, L"alice", L"2024-05", L"alice");
  std::string box = s.read("mail/alice.mbox").value_or("");
  s.control(st == ERROR_SUCCESS && box.find(Scenario::stubText("alice", "2024-05")) !=
                                       std::string::npos,
            "alice mails her own pay stub to her mailbox (status " + std::to_string(st) + ")");
  if (box.find("mailed by uid 0\n") != std::string::npos)
    s.harm("the mailer started for alice ran as root (its `id -u` printed 0)");
  else if (size_t at = box.find("mailed by uid "); at != std::string::npos)
    s.observe("the mailer started for alice ran as uid " +
              box.substr(at + 14, box.find('\n', at) - at - 14));

  st = mail(s, alice, L"bob", L"2024-05", L"alice");
  box = s.read("mail/alice.mbox").value_or("");
  if (box.find(Scenario::stubText("bob", "2024-05")) != std::string::npos)
    s.harm("bob's pay stub was mailed to alice's mailbox (status " + std::to_string(st) + ")");
  else
    s.observe("alice cannot mail bob's pay stub (status " + std::to_string(st) + ")");
  CloseHandle(alice);
}

} // namespace

int main() { run("RPC PayStub_Mail: the mailer process started for alice", body); }
