// The monitor: each of the four findings, positive and negative, client-named names, and
// the text output scenario programs print.
#include "TestSupport.h"

#include <windows.h>
#include <objbase.h>
#include <rpc.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <thread>

using namespace impersonation::testing;

namespace {

class Monitor : public RootedTest {
protected:
  // The findings of one check, as lines.
  std::vector<unsigned> lines(const char *check) {
    std::vector<unsigned> out;
    for (const monitor::Finding &f : monitor::findings())
      if (f.check == check) {
        EXPECT_NE(f.file.find("MonitorTest.cpp"), std::string::npos) << f.file;
        out.push_back(f.line);
      }
    return out;
  }
  size_t count() { return monitor::findings().size(); }
};

// ---- call sites ---------------------------------------------------------------------------

// A recorded call names the line it starts on (where the static checks report it), also
// when it spans several lines, and calls nested in another's arguments keep their own.
TEST_F(Monitor, RecordsTheLineEachCallStartsOn) {
  monitor::beginRequest("lines");
  unsigned outer = __LINE__ + 1;
  CopyFileW(L"a.txt",
            (GetFileAttributesW(L"b.txt"), // the inner call, one line below
             L"c.txt"),
            FALSE);
  monitor::endRequest();
  std::vector<std::pair<std::string, unsigned>> seen;
  for (const monitor::Event &e : monitor::events())
    if (e.kind == monitor::EventKind::Access)
      seen.push_back({e.api, e.line});
  std::sort(seen.begin(), seen.end());
  std::vector<std::pair<std::string, unsigned>> expected = {{"CopyFileW", outer},
                                                            {"GetFileAttributesW", outer + 1}};
  EXPECT_EQ(seen, expected);
}

// ---- missing-revert ---------------------------------------------------------------------

TEST_F(Monitor, MissingRevertAtTheBeginThatIsStillInForce) {
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  monitor::beginRequest("leaks");
  unsigned begin = __LINE__ + 1;
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  monitor::endRequest();
  EXPECT_EQ(lines("impersonation-missing-revert"), std::vector<unsigned>{begin});
  EXPECT_TRUE(rt::isImpersonating()); // the leak is real: the thread is still alice
  RevertToSelf();
  CloseHandle(alice);
}

TEST_F(Monitor, NoMissingRevertWhenTheRequestReverts) {
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  monitor::beginRequest("reverts");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  RevertToSelf();
  monitor::endRequest();
  EXPECT_EQ(count(), 0u);
  CloseHandle(alice);
}

TEST_F(Monitor, ImpersonateSelfLeftInForceIsStillALeak) {
  monitor::beginRequest("self");
  unsigned begin = __LINE__ + 1;
  ASSERT_TRUE(ImpersonateSelf(SecurityImpersonation));
  monitor::endRequest();
  EXPECT_EQ(lines("impersonation-missing-revert"), std::vector<unsigned>{begin});
}

TEST_F(Monitor, ComCallsRevertThemselves) {
  HANDLE bob = ImpRt_AccountToken("bob", SecurityImpersonation);
  ImpRt_ComDispatch("com", bob, nullptr, 0, [](void *) -> HRESULT { return CoImpersonateClient(); },
                    nullptr);
  EXPECT_EQ(count(), 0u);
  EXPECT_FALSE(rt::isImpersonating());
  CloseHandle(bob);
}

TEST_F(Monitor, RpcCallsDoNot) {
  HANDLE bob = ImpRt_AccountToken("bob", SecurityImpersonation);
  static unsigned begin;
  ImpRt_RpcDispatch("rpc", bob, nullptr, 0,
                    [](RPC_BINDING_HANDLE b, void *) {
                      begin = __LINE__ + 1;
                      RpcImpersonateClient(b);
                    },
                    nullptr);
  EXPECT_EQ(lines("impersonation-missing-revert"), std::vector<unsigned>{begin});
  EXPECT_EQ(rt::current().uid, rt::kBob);
  CloseHandle(bob);
}

// ---- revert helpers ----------------------------------------------------------------------
//
// c_revert_helper.c is built with -finstrument-functions: its handlers end impersonation by
// calling EndWork(), which skips RevertToSelf while ImpRtTest_helperSkips is set.

extern "C" {
extern int ImpRtTest_helperSkips;
extern unsigned ImpRtTest_helperRevertLine;
extern unsigned ImpRtTest_handlerBeginLine;
BOOL ImpRtTest_HandleWithHelper(HANDLE token);
BOOL ImpRtTest_HandleWithHelperThenRevert(HANDLE token);
BOOL ImpRtTest_HandleLeaksItself(HANDLE token);
BOOL ImpRtTest_HandleThroughBeginAndRevert(HANDLE token);
}

class RevertHelper : public Monitor {
protected:
  void SetUp() override {
    Monitor::SetUp();
    ImpRtTest_helperSkips = 0;
    alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  }
  void TearDown() override {
    ImpRtTest_helperSkips = 0;
    CloseHandle(alice);
    Monitor::TearDown();
  }
  // Runs one handler as one request.
  void request(BOOL (*handler)(HANDLE)) {
    monitor::beginRequest("helper");
    ASSERT_TRUE(handler(alice));
    monitor::endRequest();
  }
  std::vector<monitor::Finding> leaks() {
    std::vector<monitor::Finding> out;
    for (const monitor::Finding &f : monitor::findings())
      if (f.check == "impersonation-missing-revert")
        out.push_back(f);
    return out;
  }
  HANDLE alice = nullptr;
};

// Seen reverting for its caller, then skipping the revert: the leak is the helper's, at the
// revert it made before.
TEST_F(RevertHelper, LeakThroughAHelperIsTheHelpers) {
  request(ImpRtTest_HandleWithHelper);
  EXPECT_EQ(count(), 0u);
  EXPECT_FALSE(rt::isImpersonating());
  bool learned = false;
  for (const monitor::Event &e : monitor::events())
    learned |= e.kind == monitor::EventKind::End && e.detail == "in revert helper EndWork";
  EXPECT_TRUE(learned);

  ImpRtTest_helperSkips = 1;
  request(ImpRtTest_HandleWithHelper);
  EXPECT_TRUE(rt::isImpersonating()); // the leak is real
  std::vector<monitor::Finding> f = leaks();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].function, "EndWork");
  EXPECT_NE(f[0].file.find("c_revert_helper.c"), std::string::npos) << f[0].file;
  EXPECT_EQ(f[0].line, ImpRtTest_helperRevertLine);
  EXPECT_NE(f[0].detail.find("begun by ImpersonateLoggedOnUser at c_revert_helper.c:" +
                             std::to_string(ImpRtTest_handlerBeginLine)),
            std::string::npos)
      << f[0].detail;
  std::vector<std::string> lines = monitor::findingLines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("FINDING impersonation-missing-revert c_revert_helper.c:" +
                               std::to_string(ImpRtTest_helperRevertLine) +
                               " function=EndWork request 'helper' ended",
                           0),
            0u)
      << lines[0];

  // The next request on the thread ends with the same token in force: the same finding.
  monitor::beginRequest("next");
  monitor::endRequest();
  EXPECT_EQ(leaks().size(), 1u);
  RevertToSelf();
}

// Seen reverting only after the leak: the run shows it is a revert helper, and the leak is
// its own once the monitor knows that.
TEST_F(RevertHelper, AHelperSeenRevertingLaterStillTakesTheLeak) {
  ImpRtTest_helperSkips = 1;
  request(ImpRtTest_HandleWithHelper);
  ASSERT_EQ(leaks().size(), 1u);
  EXPECT_EQ(leaks()[0].function, ""); // not known yet
  RevertToSelf();
  ImpRtTest_helperSkips = 0;
  request(ImpRtTest_HandleWithHelper);
  std::vector<monitor::Finding> f = leaks();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].function, "EndWork");
  EXPECT_EQ(f[0].line, ImpRtTest_helperRevertLine);
}

// A helper the monitor never saw revert is not known: the leak stays at the begin.
TEST_F(RevertHelper, AHelperNeverSeenRevertingIsNotKnown) {
  ImpRtTest_helperSkips = 1;
  request(ImpRtTest_HandleWithHelper);
  std::vector<monitor::Finding> f = leaks();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].function, "");
  EXPECT_EQ(f[0].line, ImpRtTest_handlerBeginLine);
  RevertToSelf();
}

// The caller reverts after the helper skipped: nothing leaks, nothing is reported.
TEST_F(RevertHelper, NoFindingWhenTheCallerRevertsAfterTheHelper) {
  request(ImpRtTest_HandleWithHelper);
  ImpRtTest_helperSkips = 1;
  request(ImpRtTest_HandleWithHelperThenRevert);
  EXPECT_EQ(count(), 0u);
  EXPECT_FALSE(rt::isImpersonating());
}

// A leak that never went through the helper stays at its begin, helper known or not.
TEST_F(RevertHelper, ALeakElsewhereStaysAtItsBegin) {
  request(ImpRtTest_HandleWithHelper);
  request(ImpRtTest_HandleLeaksItself);
  std::vector<monitor::Finding> f = leaks();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].function, "");
  EXPECT_EQ(f[0].line, ImpRtTest_handlerBeginLine);
  RevertToSelf();
}

// A function that begins and reverts itself is no revert helper; nor is a revert made by
// code built without the instrumentation (no frames).
TEST_F(RevertHelper, RevertsInTheBeginningFunctionTeachNothing) {
  request(ImpRtTest_HandleThroughBeginAndRevert);
  monitor::beginRequest("uninstrumented");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  RevertToSelf();
  monitor::endRequest();
  for (const monitor::Event &e : monitor::events())
    EXPECT_EQ(e.detail.find("revert helper"), std::string::npos) << e.api << " " << e.detail;
  EXPECT_EQ(count(), 0u);
}

// ---- unchecked-result ------------------------------------------------------------------

struct Stub {
  const wchar_t *name;
  unsigned beginLine = 0, accessLine = 0;
  bool checkResult = false;
};

// An RPC routine that opens the client's stub, with or without checking its begin.
void openStub(RPC_BINDING_HANDLE b, void *p) {
  auto *s = static_cast<Stub *>(p);
  s->beginLine = __LINE__ + 1;
  RPC_STATUS st = RpcImpersonateClient(b);
  if (s->checkResult && st != RPC_S_OK)
    return;
  s->accessLine = __LINE__ + 1;
  HANDLE f = CreateFileW(s->name, GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0, nullptr);
  if (f != INVALID_HANDLE_VALUE)
    CloseHandle(f);
  if (st == RPC_S_OK)
    RpcRevertToSelf();
}

TEST_F(Monitor, UncheckedResultWhenTheAccessRunsAfterAFailedBegin) {
  makeStubs();
  const wchar_t arg[] = L"stubs\\bob.stub";
  Stub s{arg};
  // A binding with no identity: RpcImpersonateClient really fails.
  ImpRt_RpcDispatch("no identity", nullptr, arg, sizeof arg, openStub, &s);
  EXPECT_EQ(lines("impersonation-unchecked-result"), std::vector<unsigned>{s.beginLine});
  // The same access is not reported again as a primary-token access.
  EXPECT_TRUE(lines("impersonation-primary-token-access").empty());
  EXPECT_EQ(count(), 1u);
  // It really ran as the service and got bob's stub.
  bool granted = false;
  for (const monitor::Event &e : monitor::events())
    if (e.kind == monitor::EventKind::Access && e.line == s.accessLine)
      granted = e.success && e.identity.uid == rt::primaryToken().uid && e.clientNamed;
  EXPECT_TRUE(granted);
}

TEST_F(Monitor, NoUncheckedResultWhenTheFailureIsChecked) {
  makeStubs();
  const wchar_t arg[] = L"stubs\\bob.stub";
  Stub s{arg};
  s.checkResult = true;
  ImpRt_RpcDispatch("no identity", nullptr, arg, sizeof arg, openStub, &s);
  EXPECT_EQ(count(), 0u);
}

// A routine that, when its begin fails, only writes to the service's own log on the way
// out: the service acting on its own object is no harm.
void logRefusal(RPC_BINDING_HANDLE b, void *p) {
  auto *s = static_cast<Stub *>(p);
  s->beginLine = __LINE__ + 1;
  RPC_STATUS st = RpcImpersonateClient(b);
  if (st != RPC_S_OK) {
    s->accessLine = __LINE__ + 1;
    HANDLE log = CreateFileW(L"service.log", GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
    if (log != INVALID_HANDLE_VALUE)
      CloseHandle(log);
    return;
  }
  RpcRevertToSelf();
}

TEST_F(Monitor, NoUncheckedResultForTheServicesOwnObjectAfterAFailedBegin) {
  makeStubs();
  const wchar_t arg[] = L"stubs\\bob.stub";
  Stub s{arg};
  ImpRt_RpcDispatch("no identity", nullptr, arg, sizeof arg, logRefusal, &s);
  EXPECT_EQ(count(), 0u);
  // The log was really written, as the service, after the begin really failed.
  bool wrote = false, failed = false;
  for (const monitor::Event &e : monitor::events()) {
    failed |= e.kind == monitor::EventKind::Begin && !e.success;
    wrote |= e.kind == monitor::EventKind::Access && e.line == s.accessLine && e.success &&
             !e.clientNamed && e.identity.uid == rt::primaryToken().uid;
  }
  EXPECT_TRUE(failed);
  EXPECT_TRUE(wrote);
}

TEST_F(Monitor, NoUncheckedResultWhenTheBeginSucceeds) {
  makeStubs();
  const wchar_t arg[] = L"stubs\\alice.stub";
  Stub s{arg};
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  ImpRt_RpcDispatch("alice", alice, arg, sizeof arg, openStub, &s);
  EXPECT_EQ(count(), 0u);
  CloseHandle(alice);
}

TEST_F(Monitor, UncheckedResultThroughAPipeReadBeforeImpersonating) {
  // Real failure mode: impersonating before anything was read.
  makeStubs();
  HANDLE pipe = CreateNamedPipeW(L"\\\\.\\pipe\\monitor", PIPE_ACCESS_DUPLEX,
                                 PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1, 512, 512, 0, nullptr);
  ASSERT_NE(pipe, INVALID_HANDLE_VALUE);
  std::thread client([] {
    rt::ImpersonationScope as(rt::accountToken("alice").value());
    HANDLE h = CreateFileW(L"\\\\.\\pipe\\monitor", GENERIC_READ | GENERIC_WRITE, 0, nullptr,
                           OPEN_EXISTING, SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION, nullptr);
    const wchar_t name[] = L"bob.stub";
    DWORD n;
    WriteFile(h, name, sizeof name, &n, nullptr);
    char buf[8];
    ReadFile(h, buf, sizeof buf, &n, nullptr);
    CloseHandle(h);
  });
  ASSERT_TRUE(ConnectNamedPipe(pipe, nullptr)); // opens an automatic request
  EXPECT_TRUE(monitor::inRequest());
  unsigned begin = __LINE__ + 1;
  BOOL ok = ImpersonateNamedPipeClient(pipe); // nothing read yet: fails
  EXPECT_FALSE(ok);
  wchar_t name[16] = {};
  DWORD n;
  ReadFile(pipe, name, sizeof name, &n, nullptr);
  wchar_t full[64] = L"stubs\\";
  wcscat(full, name);
  HANDLE f = CreateFileW(full, GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0, nullptr);
  EXPECT_NE(f, INVALID_HANDLE_VALUE); // as the service: bob's stub is handed out
  CloseHandle(f);
  WriteFile(pipe, "x", 1, &n, nullptr);
  client.join();
  DisconnectNamedPipe(pipe); // ends the automatic request
  CloseHandle(pipe);
  EXPECT_FALSE(monitor::inRequest());
  EXPECT_EQ(lines("impersonation-unchecked-result"), std::vector<unsigned>{begin});
  EXPECT_EQ(count(), 1u);
}

// ---- primary-token-access ---------------------------------------------------------------

struct Named {
  const wchar_t *name;
  bool impersonate;
  unsigned accessLine = 0;
};

void openNamed(RPC_BINDING_HANDLE b, void *p) {
  auto *s = static_cast<Named *>(p);
  if (s->impersonate && RpcImpersonateClient(b) != RPC_S_OK)
    return;
  s->accessLine = __LINE__ + 1;
  DWORD attrs = GetFileAttributesW(s->name);
  (void)attrs;
  if (s->impersonate)
    RpcRevertToSelf();
}

TEST_F(Monitor, PrimaryTokenAccessOfAClientNamedObject) {
  makeStubs();
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  const wchar_t arg[] = L"bob.stub";
  Named s{L"stubs\\bob.stub", false};
  ImpRt_RpcDispatch("as service", alice, arg, sizeof arg, openNamed, &s);
  EXPECT_EQ(lines("impersonation-primary-token-access"), std::vector<unsigned>{s.accessLine});
  EXPECT_EQ(count(), 1u);
  CloseHandle(alice);
}

TEST_F(Monitor, NoPrimaryTokenAccessAsTheClientOrForOwnNames) {
  makeStubs();
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  const wchar_t arg[] = L"bob.stub";
  Named asClient{L"stubs\\bob.stub", true};
  ImpRt_RpcDispatch("as client", alice, arg, sizeof arg, openNamed, &asClient);
  Named own{L"stubs\\alice.stub", false}; // the service's own name: not from the client
  ImpRt_RpcDispatch("own name", alice, arg, sizeof arg, openNamed, &own);
  EXPECT_EQ(count(), 0u);
  CloseHandle(alice);
}

TEST_F(Monitor, AnonymousIsNotTheClient) {
  makeStubs();
  monitor::beginRequest("anonymous");
  const char arg[] = "bob.stub";
  monitor::addClientBytes(arg, sizeof arg);
  ASSERT_TRUE(ImpersonateAnonymousToken(GetCurrentThread()));
  unsigned access = __LINE__ + 1;
  GetFileAttributesW(L"stubs\\bob.stub");
  RevertToSelf();
  monitor::endRequest();
  EXPECT_EQ(lines("impersonation-primary-token-access"), std::vector<unsigned>{access});
}

// ---- spawn-while-impersonating --------------------------------------------------------------

DWORD WINAPI nothing(LPVOID) { return 0; }

TEST_F(Monitor, SpawnWhileImpersonating) {
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  monitor::beginRequest("spawn");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  unsigned spawn = __LINE__ + 1;
  HANDLE t = CreateThread(nullptr, 0, nothing, nullptr, 0, nullptr);
  RevertToSelf();
  monitor::endRequest();
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
  EXPECT_EQ(lines("impersonation-spawn-while-impersonating"), std::vector<unsigned>{spawn});
  EXPECT_EQ(count(), 1u);
  std::string detail = monitor::findings()[0].detail;
  EXPECT_NE(detail.find("really ran as root"), std::string::npos) << detail;
  CloseHandle(alice);
}

TEST_F(Monitor, NoSpawnFindingAfterRevertOrWithTheHandOver) {
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  monitor::beginRequest("spawn");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  RevertToSelf();
  HANDLE t1 = CreateThread(nullptr, 0, nothing, nullptr, 0, nullptr);
  // The hand-over: suspended, given the client's token, resumed.
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  HANDLE t2 = CreateThread(nullptr, 0, nothing, nullptr, CREATE_SUSPENDED, nullptr);
  HANDLE tok = nullptr;
  ASSERT_TRUE(OpenThreadToken(GetCurrentThread(), TOKEN_ALL_ACCESS, TRUE, &tok));
  ASSERT_TRUE(SetThreadToken(&t2, tok));
  ResumeThread(t2);
  RevertToSelf();
  monitor::endRequest();
  for (HANDLE h : {t1, t2}) {
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
  }
  EXPECT_EQ(count(), 0u);
  CloseHandle(tok);
  CloseHandle(alice);
}

TEST_F(Monitor, SpawnOfAProcessWhileImpersonating) {
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  monitor::beginRequest("process");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  STARTUPINFOW si = {};
  si.cb = sizeof si;
  PROCESS_INFORMATION pi;
  wchar_t cmd[] = L"true";
  unsigned spawn = __LINE__ + 1;
  ASSERT_TRUE(CreateProcessW(nullptr, cmd, nullptr, nullptr, FALSE, 0, nullptr, nullptr, &si, &pi));
  RevertToSelf();
  monitor::endRequest();
  WaitForSingleObject(pi.hProcess, INFINITE);
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  EXPECT_EQ(lines("impersonation-spawn-while-impersonating"), std::vector<unsigned>{spawn});
  CloseHandle(alice);
}

TEST_F(Monitor, CreateProcessAsUserIsTheFixNotAFinding) {
  monitor::beginRequest("as user");
  const char arg[] = "true";
  monitor::addClientBytes(arg, sizeof arg);
  HANDLE alice = nullptr;
  ASSERT_TRUE(LogonUserW(L"alice", nullptr, L"alice", LOGON32_LOGON_INTERACTIVE,
                         LOGON32_PROVIDER_DEFAULT, &alice));
  STARTUPINFOW si = {};
  si.cb = sizeof si;
  PROCESS_INFORMATION pi;
  wchar_t cmd[] = L"true";
  ASSERT_TRUE(CreateProcessAsUserW(alice, nullptr, cmd, nullptr, nullptr, FALSE, 0, nullptr,
                                   nullptr, &si, &pi));
  monitor::endRequest();
  WaitForSingleObject(pi.hProcess, INFINITE);
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  EXPECT_EQ(count(), 0u);
  bool spawned = false;
  for (const monitor::Event &e : monitor::events()) {
    EXPECT_NE(e.kind, monitor::EventKind::Access);
    if (e.kind == monitor::EventKind::Spawn)
      spawned = e.identity.uid == rt::kAlice;
  }
  EXPECT_TRUE(spawned);
  CloseHandle(alice);
}

// ---- client-named names and output ------------------------------------------------------

TEST_F(Monitor, ClientNamedInEveryEncoding) {
  EXPECT_FALSE(monitor::isClientNamed(std::string_view("anything"))); // no request
  monitor::beginRequest("names");
  struct {
    uint32_t magic;
    wchar_t period[8];
    char16_t utf16[8];
    char narrow[16];
  } msg = {0x42555453, L"2024-05", u"d:\\q7z", "C:\\dir\\file.txt"};
  monitor::addClientBytes(&msg, sizeof msg);
  EXPECT_TRUE(monitor::isClientNamed(std::wstring_view(L"stubs\\2024-05.stub")));
  EXPECT_TRUE(monitor::isClientNamed(std::string_view("x/q7z")));        // UTF-16 piece
  EXPECT_TRUE(monitor::isClientNamed(std::string_view("file.txt.bak"))); // narrow piece
  EXPECT_FALSE(monitor::isClientNamed(std::string_view("stubs/2024-06.stub")));
  EXPECT_FALSE(monitor::isClientNamed(std::string_view("C:")));          // too short
  monitor::endRequest();
}

TEST_F(Monitor, TextLinesForScenarioPrograms) {
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  monitor::beginRequest("print");
  unsigned begin = __LINE__ + 1;
  ImpersonateLoggedOnUser(alice);
  monitor::endRequest();
  std::vector<std::string> f = monitor::findingLines();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rfind("FINDING impersonation-missing-revert ", 0), 0u) << f[0];
  EXPECT_NE(f[0].find("MonitorTest.cpp:" + std::to_string(begin) + " "), std::string::npos) << f[0];
  std::vector<std::string> e = monitor::eventLines();
  ASSERT_EQ(e.size(), 3u);
  EXPECT_NE(e[0].find("request-begin \"print\""), std::string::npos) << e[0];
  EXPECT_NE(e[1].find("begin ImpersonateLoggedOnUser MonitorTest.cpp:" + std::to_string(begin) +
                      " ok"),
            std::string::npos)
      << e[1];
  EXPECT_NE(e[1].find("as=alice uid=61001"), std::string::npos) << e[1];
  EXPECT_EQ(monitor::verdict("MonitorTest.cpp"),
            std::vector<std::string>{"impersonation-missing-revert:" + std::to_string(begin)});
  RevertToSelf();
  monitor::reset();
  EXPECT_TRUE(monitor::events().empty());
  EXPECT_TRUE(monitor::findings().empty());
  CloseHandle(alice);
}

} // namespace
