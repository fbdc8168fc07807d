// The C++ API: accounts, tokens, per-thread impersonation, revert, paths and helpers.
#include "TestSupport.h"

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace impersonation::testing;

namespace {

int openErrno(const std::string &path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return errno;
  close(fd);
  return 0;
}

TEST(Accounts, FixedTableInTheReservedRange) {
  const char *names[] = {"alice", "bob", "carol", "mallory", "anonymous"};
  uid_t uids[] = {rt::kAlice, rt::kBob, rt::kCarol, rt::kMallory, rt::kAnonymous};
  for (size_t i = 0; i < 5; ++i) {
    const rt::Account *a = rt::findAccount(names[i]);
    ASSERT_NE(a, nullptr) << names[i];
    EXPECT_EQ(a->uid, uids[i]);
    EXPECT_EQ(a->gid, uids[i]);
    EXPECT_GE(a->uid, rt::kAccountIdFirst);
    EXPECT_LE(a->uid, rt::kAccountIdLast);
    EXPECT_EQ(rt::findAccount(a->uid), a);
  }
  EXPECT_EQ(rt::findAccount("ALICE"), rt::findAccount("alice")); // case-insensitive
  EXPECT_EQ(rt::findAccount("eve"), nullptr);
  EXPECT_EQ(rt::userName(rt::kBob), "bob");
  EXPECT_EQ(rt::userName(0), "root");
}

TEST(Tokens, LogonChecksThePassword) {
  rt::Result<rt::Token> ok = rt::logon("Alice", "alice");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().uid, rt::kAlice);
  EXPECT_EQ(ok.value().type, rt::TokenType::Primary);
  rt::Result<rt::Token> bad = rt::logon("alice", "bob");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, 1326u); // ERROR_LOGON_FAILURE
  EXPECT_EQ(rt::accountToken("eve").error().code, 1317u); // ERROR_NO_SUCH_USER
  rt::Token carol = rt::accountToken("carol", rt::Level::Identify).value();
  EXPECT_EQ(carol.level, rt::Level::Identify);
  EXPECT_EQ(carol.identity().groups,
            (std::vector<gid_t>{rt::kCarol, rt::kUsersGroup, rt::kPayrollGroup}));
}

TEST(Tokens, PrimaryIsWhatTheKernelSaysAtStartup) {
  rt::Credentials c = rt::currentCredentials();
  const rt::Token &p = rt::primaryToken();
  EXPECT_EQ(p.type, rt::TokenType::Primary);
  EXPECT_EQ(p.uid, c.euid);
  EXPECT_EQ(p.gid, c.egid);
  EXPECT_EQ(rt::current(), p.identity());
  EXPECT_FALSE(rt::isImpersonating());
  EXPECT_EQ(rt::actor(), rt::Actor::Service);
}

class Impersonation : public RootedTest {};

TEST_F(Impersonation, ChangesTheCallingThreadOnly) {
  // A thread that exists before the switch and looks at itself after it.
  std::mutex m;
  std::condition_variable cv;
  bool switched = false, looked = false;
  rt::Identity seen;
  std::thread other([&] {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return switched; });
    seen = rt::current();
    looked = true;
    cv.notify_all();
  });
  ASSERT_TRUE(rt::impersonate(token("alice")).ok());
  rt::Credentials c = rt::currentCredentials();
  EXPECT_EQ(c.euid, rt::kAlice);
  EXPECT_EQ(c.fsuid, rt::kAlice);
  EXPECT_EQ(c.egid, rt::kAlice);
  EXPECT_EQ(c.ruid, rt::primaryToken().uid); // real and saved ids stay: revert needs them
  EXPECT_EQ(c.suid, rt::primaryToken().uid);
  EXPECT_EQ(c.groups, (std::vector<gid_t>{rt::kAlice, rt::kUsersGroup}));
  {
    std::lock_guard<std::mutex> lock(m);
    switched = true;
  }
  cv.notify_all();
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return looked; });
  }
  other.join();
  EXPECT_EQ(seen, rt::primaryToken().identity());
  EXPECT_EQ(rt::actor(), rt::Actor::Client);
  rt::revert();
  EXPECT_EQ(rt::current(), rt::primaryToken().identity());
  EXPECT_FALSE(rt::threadToken().has_value());
}

TEST_F(Impersonation, TwoThreadsAsTwoAccountsSeeOnlyTheirOwn) {
  makeStubs();
  std::atomic<int> ready{0};
  auto run = [&](const char *who, const char *own, const char *other, int *ownErr, int *otherErr,
                 rt::Identity *id) {
    rt::ImpersonationScope scope(token(who));
    ASSERT_TRUE(scope.ok());
    ++ready;
    while (ready.load() < 2) // both impersonate at the same time
      std::this_thread::yield();
    *id = rt::current();
    *ownErr = openErrno(path(own));
    *otherErr = openErrno(path(other));
  };
  int aOwn = -1, aOther = -1, bOwn = -1, bOther = -1;
  rt::Identity aId, bId;
  std::thread a(run, "alice", "stubs/alice.stub", "stubs/bob.stub", &aOwn, &aOther, &aId);
  std::thread b(run, "bob", "stubs/bob.stub", "stubs/alice.stub", &bOwn, &bOther, &bId);
  a.join();
  b.join();
  EXPECT_EQ(aId.uid, rt::kAlice);
  EXPECT_EQ(bId.uid, rt::kBob);
  EXPECT_EQ(aOwn, 0);        // positive control: alice reads her own stub
  EXPECT_EQ(aOther, EACCES); // and the kernel denies her bob's
  EXPECT_EQ(bOwn, 0);
  EXPECT_EQ(bOther, EACCES);
  EXPECT_EQ(rt::current(), rt::primaryToken().identity());
}

TEST_F(Impersonation, RevertRestoresCapabilities) {
  ASSERT_TRUE(rt::makeFile(path("secret"), "x", 0, 0, 0600).ok());
  uint64_t before = rt::effectiveCapabilities();
  ASSERT_NE(before, 0u);
  EXPECT_EQ(openErrno(path("secret")), 0);
  ASSERT_TRUE(rt::impersonate(token("alice")).ok());
  EXPECT_EQ(rt::effectiveCapabilities(), 0u);
  EXPECT_EQ(openErrno(path("secret")), EACCES);
  rt::revert();
  EXPECT_EQ(rt::effectiveCapabilities(), before);
  EXPECT_EQ(openErrno(path("secret")), 0); // root reads a 0600 file again
}

TEST_F(Impersonation, SwitchingAccountsDirectlyWorks) {
  makeStubs();
  ASSERT_TRUE(rt::impersonate(token("alice")).ok());
  ASSERT_TRUE(rt::impersonate(token("bob")).ok()); // back to primary in between
  EXPECT_EQ(rt::current().uid, rt::kBob);
  EXPECT_EQ(openErrno(path("stubs/bob.stub")), 0);
  EXPECT_EQ(openErrno(path("stubs/alice.stub")), EACCES);
}

TEST_F(Impersonation, ScopesNestAndRestoreThePreviousToken) {
  {
    rt::ImpersonationScope outer(token("alice"), rt::Site{"outer", "f.c", 1});
    ASSERT_TRUE(outer.ok());
    {
      rt::ImpersonationScope inner(token("bob"));
      ASSERT_TRUE(inner.ok());
      EXPECT_EQ(rt::current().uid, rt::kBob);
    }
    EXPECT_EQ(rt::current().uid, rt::kAlice);
    ASSERT_TRUE(rt::threadToken().has_value());
    EXPECT_EQ(rt::threadToken()->site.line, 1u);
  }
  EXPECT_FALSE(rt::isImpersonating());
}

TEST_F(Impersonation, SelfAndAnonymousAreNotTheClient) {
  rt::Token self = rt::primaryToken();
  self.type = rt::TokenType::Impersonation;
  ASSERT_TRUE(rt::impersonate(self).ok());
  EXPECT_EQ(rt::actor(), rt::Actor::Self);
  EXPECT_TRUE(rt::isImpersonating());
  ASSERT_TRUE(rt::impersonate(token("anonymous")).ok());
  EXPECT_EQ(rt::actor(), rt::Actor::Anonymous);
  rt::revert();
  EXPECT_EQ(rt::actor(), rt::Actor::Service);
}

TEST_F(Impersonation, IdentifyAndAnonymousLevelsCannotOpenObjects) {
  ASSERT_TRUE(rt::impersonate(token("alice", rt::Level::Identify)).ok());
  EXPECT_EQ(rt::current().uid, rt::kAlice); // the identity is the client's
  rt::Status s = rt::checkCanOpenObjects();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, 1346u); // ERROR_BAD_IMPERSONATION_LEVEL
  ASSERT_TRUE(rt::impersonate(token("alice", rt::Level::Anonymous)).ok());
  EXPECT_FALSE(rt::checkCanOpenObjects().ok());
  ASSERT_TRUE(rt::impersonate(token("alice", rt::Level::Delegate)).ok());
  EXPECT_TRUE(rt::checkCanOpenObjects().ok());
  rt::revert();
  EXPECT_TRUE(rt::checkCanOpenObjects().ok());
}

TEST_F(Impersonation, FailedRevertAbortsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        // Give up the saved and real ids too: now nothing can bring the thread back.
        syscall(SYS_setresuid, rt::kAlice, rt::kAlice, rt::kAlice);
        rt::revert();
      },
      "revert failed");
}

TEST_F(Impersonation, HelpersSetOwnersAndModes) {
  ASSERT_TRUE(rt::makeFile(path("a/b/c.txt"), "hello", account("bob"), 0640).ok());
  struct stat st;
  ASSERT_EQ(stat(path("a/b/c.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, rt::kBob);
  EXPECT_EQ(st.st_gid, rt::kBob);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  ASSERT_EQ(stat(path("a/b").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 0u);
  EXPECT_EQ(rt::readFile(path("a/b/c.txt")).value(), "hello");
  ASSERT_TRUE(rt::makeDir(path("d"), rt::kCarol, rt::kPayrollGroup, 0750).ok());
  ASSERT_EQ(stat(path("d").c_str(), &st), 0);
  EXPECT_EQ(st.st_gid, rt::kPayrollGroup);
  // asService acts as the service even inside an impersonation, and puts it back.
  ASSERT_TRUE(rt::impersonate(token("alice")).ok());
  EXPECT_EQ(rt::asService([] { return rt::current().uid; }), rt::primaryToken().uid);
  EXPECT_EQ(rt::current().uid, rt::kAlice);
}

TEST(Paths, WindowsPathsMapUnderTheRoot) {
  std::string saved = rt::windowsRoot();
  rt::setWindowsRoot("/r");
  EXPECT_EQ(rt::hostPath(std::wstring_view(L"C:\\a\\b.txt")), "/r/C/a/b.txt");
  EXPECT_EQ(rt::hostPath(std::wstring_view(L"d:/x")), "/r/D/x");
  EXPECT_EQ(rt::hostPath(std::wstring_view(L"stubs\\2024-05.stub")), "/r/stubs/2024-05.stub");
  EXPECT_EQ(rt::hostPath(std::wstring_view(L"stubs\\..\\bob\\x")), "/r/stubs/../bob/x");
  EXPECT_EQ(rt::hostPath(std::wstring_view(L"\\data\\x")), "/r/data/x");
  EXPECT_EQ(rt::hostPath(std::wstring_view(L"\\\\?\\C:\\x")), "/r/C/x");
  EXPECT_EQ(rt::hostPath(std::wstring_view(L"\\\\server\\share\\x")), "/r/UNC/server/share/x");
  EXPECT_EQ(rt::hostPath(std::string_view("/usr/bin/id")), "/usr/bin/id");
  EXPECT_EQ(rt::registryKeyPath(L"HKLM\\Software\\Payroll").value(),
            "/r/registry/hkey_local_machine/software/payroll");
  EXPECT_EQ(rt::registryKeyPath(L"HKEY_LOCAL_MACHINE\\a\\..").value(),
            "/r/registry/hkey_local_machine/a/%2e%2e"); // ".." is a name, never a way out
  EXPECT_EQ(rt::registryKeyPath(L"HKCU").value(),
            "/r/registry/hkey_users/s-1-22-1-" + std::to_string(rt::primaryToken().uid));
  EXPECT_FALSE(rt::registryKeyPath(L"HKEY_NOWHERE\\x").ok());
  EXPECT_FALSE(rt::registryKeyPath(L"HKLM\\a\\\\b").ok());
  rt::setWindowsRoot(saved);
}

TEST(Text, Utf8RoundTrip) {
  std::wstring w = L"pay-\u00e9t\u00e9-\U0001F600";
  EXPECT_EQ(rt::fromUtf8(rt::toUtf8(w)), w);
  EXPECT_EQ(rt::toUtf8(L"abc"), "abc");
}

TEST(Errors, ErrnoMapsToWindowsCodes) {
  EXPECT_EQ(rt::windowsErrorFromErrno(ENOENT), 2u);
  EXPECT_EQ(rt::windowsErrorFromErrno(EACCES), 5u);
  EXPECT_EQ(rt::windowsErrorFromErrno(EPERM), 5u);
  EXPECT_EQ(rt::windowsErrorFromErrno(EEXIST), 80u);
}

} // namespace
