#include "Scenario.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace impersonation::scenario {

namespace monitor = impersonation::monitor;

namespace {

const rt::Account &account(const char *name) {
  const rt::Account *a = rt::findAccount(name);
  if (!a)
    rt::fatal(std::string("unknown test account ") + name);
  return *a;
}

uid_t ownerUid(const char *owner) {
  return std::string_view(owner) == "root" ? 0 : account(owner).uid;
}

gid_t ownerGid(const char *owner) {
  return std::string_view(owner) == "root" ? 0 : account(owner).gid;
}

} // namespace

std::string narrow(const std::wstring &text) { return rt::toUtf8(text); }

PipeReply exchangeOverPipe(const wchar_t *pipe, const void *request, DWORD size) {
  PipeReply r;
  if (!WaitNamedPipeW(pipe, 5000))
    return r;
  HANDLE h = CreateFileW(pipe, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                         SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION, NULL);
  if (h == INVALID_HANDLE_VALUE)
    return r;
  r.connected = true;
  struct {
    DWORD status;
    DWORD length;
  } header = {};
  DWORD n = 0;
  if (WriteFile(h, request, size, &n, NULL) &&
      ReadFile(h, &header, sizeof(header), &n, NULL) && n == sizeof(header)) {
    r.answered = true;
    r.status = header.status;
    std::string data(header.length, '\0');
    if (header.length != 0 && ReadFile(h, data.data(), header.length, &n, NULL))
      r.data = data.substr(0, n);
  } else {
    r.error = GetLastError();
  }
  CloseHandle(h);
  return r;
}

void Scenario::control(bool ok, const std::string &text) {
  std::printf("CONTROL %s %s\n", ok ? "ok" : "FAILED", text.c_str());
  std::fflush(stdout);
  failed_ |= !ok;
}

void Scenario::observe(const std::string &text) {
  std::printf("OBSERVE %s\n", text.c_str());
  std::fflush(stdout);
}

void Scenario::harm(const std::string &text) {
  std::printf("HARM %s\n", text.c_str());
  std::fflush(stdout);
}

void Scenario::error(const std::string &text) {
  std::printf("ERROR %s\n", text.c_str());
  monitor::print(stdout);
  std::fflush(stdout);
  ImpRt_ResetThread();
  (void)rt::removeTree(root_);
  std::_Exit(1);
}

void Scenario::makeDir(std::string_view rel, const char *owner, mode_t mode) {
  rt::Status st = rt::makeDir(path(rel), ownerUid(owner), ownerGid(owner), mode);
  if (!st.ok())
    error("cannot make directory " + std::string(rel) + ": " + st.error().message);
}

void Scenario::makeFile(std::string_view rel, std::string_view content, const char *owner,
                        mode_t mode) {
  rt::Status st = rt::makeFile(path(rel), content, ownerUid(owner), ownerGid(owner), mode);
  if (!st.ok())
    error("cannot make file " + std::string(rel) + ": " + st.error().message);
}

std::string Scenario::stubText(const char *employee, const char *period) {
  return std::string("PAY STUB ") + employee + " " + period + ": net pay " +
         (std::string_view(employee) == "bob" ? "4,210.00" : "3,150.00") + " (confidential)\n";
}

std::string Scenario::makeStub(const char *employee, const char *period) {
  std::string dir = std::string("stubs/") + employee;
  if (!exists(dir))
    makeDir(dir, employee, 0755);
  std::string rel = dir + "/" + period + ".stub";
  makeFile(rel, stubText(employee, period), employee, 0600);
  return rel;
}

void Scenario::makeScript(std::string_view name, std::string_view body) {
  makeFile(name, "#!/bin/sh\n" + std::string(body), "root", 0755);
}

std::optional<std::string> Scenario::read(std::string_view rel) const {
  return rt::asService([&]() -> std::optional<std::string> {
    rt::Result<std::string> r = rt::readFile(path(rel));
    if (!r.ok())
      return std::nullopt;
    return r.value();
  });
}

bool Scenario::exists(std::string_view rel) const {
  struct stat st;
  return ::lstat(path(rel).c_str(), &st) == 0;
}

std::optional<uid_t> Scenario::ownerOf(std::string_view rel) const {
  struct stat st;
  if (::lstat(path(rel).c_str(), &st) != 0)
    return std::nullopt;
  return st.st_uid;
}

uid_t Scenario::uidOf(const char *name) { return account(name).uid; }

HANDLE Scenario::token(const char *name, SECURITY_IMPERSONATION_LEVEL level) {
  HANDLE h = ImpRt_AccountToken(name, level);
  if (!h)
    rt::fatal(std::string("no token for ") + name);
  return h;
}

void Scenario::standardControls(const char *period) {
  std::string alice = std::string("stubs/alice/") + period + ".stub";
  std::string bob = std::string("stubs/bob/") + period + ".stub";
  rt::Result<rt::Token> tok = rt::accountToken("alice");
  if (!tok.ok())
    error("no token for alice: " + tok.error().message);
  {
    rt::ImpersonationScope as(tok.value());
    control(as.ok(), "the runtime impersonates alice on this thread");
    rt::Identity id = rt::current();
    control(id.uid == uidOf("alice"), "the kernel reports euid " + std::to_string(id.uid) +
                                          " while impersonating alice");
    rt::Result<std::string> own = rt::readFile(path(alice));
    control(own.ok() && own.value() == stubText("alice", period),
            "impersonated alice reads her own pay stub " + alice);
    rt::Result<std::string> other = rt::readFile(path(bob));
    control(!other.ok(), "impersonated alice cannot read bob's pay stub " + bob +
                             (other.ok() ? "" : " (" + other.error().message + ")"));
  }
  rt::Identity back = rt::current();
  control(back.uid == 0, "after the revert the thread is the service again (euid " +
                             std::to_string(back.uid) + ")");
  std::optional<std::string> asService = read(bob);
  control(asService && *asService == stubText("bob", period),
          "the service itself reads bob's pay stub");
}

void Scenario::startService(int (*serviceMain)(void)) {
  std::thread([this, serviceMain] {
    serviceTid_ = currentThread();
    int rc = serviceMain();
    observe("the service's main() returned " + std::to_string(rc));
  }).detach();
  for (int i = 0; i < 1000 && serviceTid_.load() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

bool Scenario::waitRequestsEnded(size_t count, int timeoutMs) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  for (;;) {
    size_t ended = 0;
    for (const monitor::Event &e : monitor::events())
      ended += e.kind == monitor::EventKind::RequestEnd;
    if (ended >= count)
      return true;
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

std::optional<ThreadUids> Scenario::threadUids(long tid) {
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Uid:", 0) != 0)
      continue;
    std::istringstream fields(line.substr(4));
    ThreadUids u;
    if (fields >> u.real >> u.effective >> u.saved >> u.fs)
      return u;
  }
  return std::nullopt;
}

long Scenario::currentThread() { return static_cast<long>(::syscall(SYS_gettid)); }

void run(const char *title, void (*body)(Scenario &)) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  if (!rt::canImpersonate()) {
    std::printf("SKIP %s\n", rt::impersonationUnavailableReason().c_str());
    std::fflush(stdout);
    std::_Exit(77);
  }
  const char *tmpdir = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/impersonation-validation-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) {
    std::printf("ERROR cannot make a temporary directory from %s\n", pattern.c_str());
    std::_Exit(1);
  }
  std::string root = buf.data();
  ::chmod(root.c_str(), 0755); // every account may look up paths below it
  rt::setWindowsRoot(root);
  if (::chdir(root.c_str()) != 0) {
    std::printf("ERROR cannot enter %s\n", root.c_str());
    std::_Exit(1);
  }
  std::printf("OBSERVE scenario: %s (root %s)\n", title, root.c_str());
  Scenario s(root);
  body(s);
  ImpRt_ResetThread();
  monitor::print(stdout);
  std::fflush(stdout);
  (void)rt::removeTree(root);
  std::_Exit(s.failed() ? 1 : 0);
}

} // namespace impersonation::scenario
