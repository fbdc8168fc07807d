// The Win32 facade: tokens, pipes, files, registry, processes, threads, RPC/COM/SSPI.
#include "TestSupport.h"

#include <windows.h>
#include <objbase.h>
#include <process.h>
#include <rpc.h>
#include <sddl.h>
#include <shlwapi.h>
#include <sspi.h>
#include <strsafe.h>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstring>
#include <functional>
#include <string>
#include <thread>

using namespace impersonation::testing;

extern "C" int ImpRtTest_RunCPipeScenario(DWORD sqos, const WCHAR *stub, DWORD *status,
                                          DWORD *length, char *data, DWORD *serverUid);

namespace {

class Facade : public RootedTest {
protected:
  HANDLE logon(const wchar_t *name) {
    HANDLE h = nullptr;
    EXPECT_TRUE(LogonUserW(name, nullptr, name, LOGON32_LOGON_INTERACTIVE,
                           LOGON32_PROVIDER_DEFAULT, &h));
    return h;
  }
  std::string readAll(HANDLE h) {
    std::string out;
    char buf[256];
    DWORD n = 0;
    while (ReadFile(h, buf, sizeof buf, &n, nullptr) && n > 0)
      out.append(buf, n);
    return out;
  }
};

// ---- tokens ---------------------------------------------------------------------------

TEST_F(Facade, LogonAndImpersonateLoggedOnUser) {
  makeStubs();
  HANDLE alice = logon(L"alice");
  ASSERT_NE(alice, nullptr);
  HANDLE bad = nullptr;
  EXPECT_FALSE(LogonUserW(L"alice", nullptr, L"wrong", LOGON32_LOGON_INTERACTIVE,
                          LOGON32_PROVIDER_DEFAULT, &bad));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_LOGON_FAILURE);
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  EXPECT_EQ(ImpRt_CurrentUid(), rt::kAlice);
  WCHAR name[32];
  DWORD len = 32;
  ASSERT_TRUE(GetUserNameW(name, &len));
  EXPECT_STREQ(name, L"alice");
  HANDLE f = CreateFileW(L"stubs\\alice.stub", GENERIC_READ, FILE_SHARE_READ, nullptr,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  ASSERT_NE(f, INVALID_HANDLE_VALUE); // positive control
  EXPECT_EQ(readAll(f), "alice pay");
  CloseHandle(f);
  EXPECT_EQ(CreateFileW(L"stubs\\bob.stub", GENERIC_READ, FILE_SHARE_READ, nullptr,
                        OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_ACCESS_DENIED);
  ASSERT_TRUE(RevertToSelf());
  EXPECT_EQ(ImpRt_CurrentUid(), rt::primaryToken().uid);
  EXPECT_TRUE(CloseHandle(alice));
}

TEST_F(Facade, TokenQueriesAndDuplication) {
  HANDLE process = nullptr;
  ASSERT_TRUE(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY | TOKEN_DUPLICATE, &process));
  TOKEN_TYPE type;
  DWORD len = 0;
  ASSERT_TRUE(GetTokenInformation(process, TokenType, &type, sizeof type, &len));
  EXPECT_EQ(type, TokenPrimary);
  SECURITY_IMPERSONATION_LEVEL level;
  EXPECT_FALSE(GetTokenInformation(process, TokenImpersonationLevel, &level, sizeof level, &len));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_INVALID_PARAMETER); // primary tokens have no level

  HANDLE thread = nullptr;
  EXPECT_FALSE(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &thread));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_NO_TOKEN);

  HANDLE alice = ImpRt_AccountToken("alice", SecurityIdentification);
  ASSERT_NE(alice, nullptr);
  HANDLE raised = nullptr;
  EXPECT_FALSE(DuplicateTokenEx(alice, TOKEN_ALL_ACCESS, nullptr, SecurityImpersonation,
                                TokenImpersonation, &raised));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_BAD_IMPERSONATION_LEVEL);
  EXPECT_FALSE(DuplicateTokenEx(alice, TOKEN_ALL_ACCESS, nullptr, SecurityIdentification,
                                TokenPrimary, &raised));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_BAD_IMPERSONATION_LEVEL);

  // TokenUser: the size probe, then the SID, which names alice.
  EXPECT_FALSE(GetTokenInformation(alice, TokenUser, nullptr, 0, &len));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_INSUFFICIENT_BUFFER);
  std::vector<unsigned char> buf(len);
  ASSERT_TRUE(GetTokenInformation(alice, TokenUser, buf.data(), len, &len));
  PSID sid = reinterpret_cast<TOKEN_USER *>(buf.data())->User.Sid;
  LPWSTR text = nullptr;
  ASSERT_TRUE(ConvertSidToStringSidW(sid, &text));
  EXPECT_STREQ(text, L"S-1-22-1-61001");
  LocalFree(text);
  WCHAR name[32], domain[32];
  DWORD nameLen = 32, domainLen = 32;
  SID_NAME_USE use;
  ASSERT_TRUE(LookupAccountSidW(nullptr, sid, name, &nameLen, domain, &domainLen, &use));
  EXPECT_STREQ(name, L"alice");
  EXPECT_EQ(use, SidTypeUser);

  // A handle opened without TOKEN_QUERY cannot be queried.
  HANDLE noQuery = nullptr;
  ASSERT_TRUE(DuplicateTokenEx(alice, TOKEN_IMPERSONATE, nullptr, SecurityIdentification,
                               TokenImpersonation, &noQuery));
  EXPECT_FALSE(GetTokenInformation(noQuery, TokenType, &type, sizeof type, &len));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_ACCESS_DENIED);

  ASSERT_TRUE(SetThreadToken(nullptr, alice));
  ASSERT_TRUE(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &thread));
  ASSERT_TRUE(GetTokenInformation(thread, TokenImpersonationLevel, &level, sizeof level, &len));
  EXPECT_EQ(level, SecurityIdentification);
  EXPECT_FALSE(SetThreadToken(nullptr, process)); // a primary token cannot be a thread token
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_BAD_TOKEN_TYPE);
  ASSERT_TRUE(SetThreadToken(nullptr, nullptr));
  EXPECT_FALSE(rt::isImpersonating());

  ASSERT_TRUE(ImpersonateSelf(SecurityImpersonation));
  EXPECT_EQ(ImpRt_CurrentUid(), rt::primaryToken().uid);
  EXPECT_EQ(rt::actor(), rt::Actor::Self);
  ASSERT_TRUE(ImpersonateAnonymousToken(GetCurrentThread()));
  EXPECT_EQ(ImpRt_CurrentUid(), rt::kAnonymous);
  RevertToSelf();
  for (HANDLE h : {process, alice, noQuery, thread})
    EXPECT_TRUE(CloseHandle(h));
}

TEST_F(Facade, BadHandlesAreErrorsNotCrashes) {
  HANDLE bogus = reinterpret_cast<HANDLE>(0x7777);
  DWORD n;
  char c;
  EXPECT_FALSE(CloseHandle(bogus));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_INVALID_HANDLE);
  EXPECT_FALSE(ReadFile(bogus, &c, 1, &n, nullptr));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_INVALID_HANDLE);
  EXPECT_FALSE(WriteFile(nullptr, &c, 1, &n, nullptr));
  EXPECT_FALSE(ImpersonateNamedPipeClient(bogus));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_INVALID_HANDLE);
  EXPECT_FALSE(ImpersonateLoggedOnUser(bogus));
  EXPECT_EQ(WaitForSingleObject(bogus, 0), WAIT_FAILED);
  EXPECT_EQ(RegCloseKey(reinterpret_cast<HKEY>(bogus)), (LSTATUS)ERROR_INVALID_HANDLE);
  EXPECT_EQ(RpcImpersonateClient(bogus), (RPC_STATUS)RPC_S_INVALID_BINDING);
  CtxtHandle ctx{1, 2};
  EXPECT_EQ(ImpersonateSecurityContext(&ctx), SEC_E_INVALID_HANDLE);
  EXPECT_EQ(ImpersonateSecurityContext(nullptr), SEC_E_INVALID_HANDLE);
  EXPECT_EQ(ResumeThread(bogus), (DWORD)-1);
  EXPECT_FALSE(rt::isImpersonating());
}

// ---- files ---------------------------------------------------------------------------

TEST_F(Facade, FilesFollowWindowsConventions) {
  ASSERT_TRUE(CreateDirectoryW(L"data", nullptr));
  EXPECT_FALSE(CreateDirectoryW(L"data", nullptr));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_ALREADY_EXISTS);
  HANDLE f = CreateFileW(L"data\\x.txt", GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  ASSERT_NE(f, INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_SUCCESS);
  DWORD n = 0;
  ASSERT_TRUE(WriteFile(f, "hello", 5, &n, nullptr));
  char c;
  EXPECT_FALSE(ReadFile(f, &c, 1, &n, nullptr)); // opened for writing only
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_ACCESS_DENIED);
  CloseHandle(f);
  f = CreateFileW(L"data\\x.txt", GENERIC_READ, 0, nullptr, OPEN_ALWAYS, 0, nullptr);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_ALREADY_EXISTS);
  LARGE_INTEGER size;
  ASSERT_TRUE(GetFileSizeEx(f, &size));
  EXPECT_EQ(size.QuadPart, 5);
  CloseHandle(f);
  EXPECT_EQ(CreateFileW(L"data\\x.txt", GENERIC_READ, 0, nullptr, CREATE_NEW, 0, nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_FILE_EXISTS);
  EXPECT_EQ(CreateFileW(L"nodir\\x.txt", GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0, nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_PATH_NOT_FOUND);
  EXPECT_EQ(CreateFileW(L"data\\none", GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0, nullptr),
            INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_FILE_NOT_FOUND);
  EXPECT_EQ(CreateFileW(L"data", GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0, nullptr),
            INVALID_HANDLE_VALUE); // a directory needs backup semantics
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_ACCESS_DENIED);
  EXPECT_EQ(GetFileAttributesW(L"data") & FILE_ATTRIBUTE_DIRECTORY,
            (DWORD)FILE_ATTRIBUTE_DIRECTORY);
  ASSERT_TRUE(CopyFileW(L"data\\x.txt", L"data\\y.txt", TRUE));
  EXPECT_FALSE(CopyFileW(L"data\\x.txt", L"data\\y.txt", TRUE));
  EXPECT_FALSE(MoveFileW(L"data\\x.txt", L"data\\y.txt"));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_ALREADY_EXISTS);
  ASSERT_TRUE(MoveFileExW(L"data\\x.txt", L"data\\y.txt", MOVEFILE_REPLACE_EXISTING));
  WIN32_FIND_DATAW fd;
  HANDLE find = FindFirstFileW(L"data\\*.txt", &fd);
  ASSERT_NE(find, INVALID_HANDLE_VALUE);
  EXPECT_STREQ(fd.cFileName, L"y.txt");
  EXPECT_FALSE(FindNextFileW(find, &fd));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_NO_MORE_FILES);
  FindClose(find);
  ASSERT_TRUE(DeleteFileW(L"data\\y.txt"));
  EXPECT_EQ(GetFileAttributesW(L"data\\y.txt"), INVALID_FILE_ATTRIBUTES);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_FILE_NOT_FOUND);
  ASSERT_TRUE(RemoveDirectoryW(L"data"));
}

TEST_F(Facade, CRuntimeOpensAreMappedAndRecorded) {
  makeStubs();
  monitor::beginRequest("fopen");
  HANDLE alice = logon(L"alice");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  FILE *f = _wfopen(L"stubs\\alice.stub", L"rt");
  ASSERT_NE(f, nullptr); // positive control
  char buf[16] = {};
  EXPECT_EQ(fread(buf, 1, sizeof buf, f), 9u);
  EXPECT_STREQ(buf, "alice pay");
  fclose(f);
  EXPECT_EQ(std::fopen("stubs\\bob.stub", "rb"), nullptr);
  EXPECT_EQ(errno, EACCES);
  RevertToSelf();
  monitor::endRequest();
  int accesses = 0;
  for (const monitor::Event &e : monitor::events())
    if (e.kind == monitor::EventKind::Access)
      ++accesses;
  EXPECT_EQ(accesses, 2);
  CloseHandle(alice);
}

TEST_F(Facade, FileOwnershipComesFromTheThread) {
  ASSERT_TRUE(rt::makeDir(path("shared"), 0, 0, 0777).ok());
  HANDLE alice = logon(L"alice");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  HANDLE f = CreateFileW(L"shared\\mine.txt", GENERIC_WRITE, 0, nullptr, CREATE_NEW, 0, nullptr);
  ASSERT_NE(f, INVALID_HANDLE_VALUE);
  CloseHandle(f);
  RevertToSelf();
  struct stat st;
  ASSERT_EQ(stat(path("shared/mine.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, rt::kAlice); // created as alice: alice owns it
  CloseHandle(alice);
}

// ---- pipes ---------------------------------------------------------------------------

// A server thread serves one client; the client runs as `account` with `sqos` flags, sends
// `request`, and gets back what the server's handler wrote.
struct PipeRun {
  std::function<void(HANDLE pipe)> handler;
  std::string account = "alice";
  DWORD sqos = SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION;
  std::string request = "hello";
  bool clientLeavesFirst = false;
  std::string reply;
  DWORD clientError = 0;
};

void runPipe(PipeRun &r, const wchar_t *name = L"\\\\.\\pipe\\facade-test") {
  std::atomic<bool> clientGone{false};
  HANDLE pipe = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX,
                                 PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, 1, 4096,
                                 4096, 0, nullptr);
  ASSERT_NE(pipe, INVALID_HANDLE_VALUE);
  std::thread client([&] {
    rt::ImpersonationScope as(rt::accountToken(r.account).value());
    ASSERT_TRUE(as.ok());
    HANDLE h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, r.sqos,
                           nullptr);
    if (h == INVALID_HANDLE_VALUE) {
      r.clientError = GetLastError();
      return;
    }
    DWORD n = 0;
    WriteFile(h, r.request.data(), static_cast<DWORD>(r.request.size()), &n, nullptr);
    if (r.clientLeavesFirst) {
      CloseHandle(h);
      clientGone = true;
      return;
    }
    char buf[512];
    if (ReadFile(h, buf, sizeof buf, &n, nullptr))
      r.reply.assign(buf, n);
    CloseHandle(h);
  });
  ASSERT_TRUE(ConnectNamedPipe(pipe, nullptr));
  if (r.clientLeavesFirst)
    while (!clientGone)
      std::this_thread::yield();
  r.handler(pipe);
  client.join();
  DisconnectNamedPipe(pipe);
  CloseHandle(pipe);
}

void reply(HANDLE pipe, const std::string &text) {
  DWORD n;
  WriteFile(pipe, text.data(), static_cast<DWORD>(text.size()), &n, nullptr);
}

// Reads the request, impersonates, opens `stub`, reverts; replies with the outcome.
std::function<void(HANDLE)> openAsClient(const wchar_t *stub) {
  return [stub](HANDLE pipe) {
    char buf[64];
    DWORD n = 0;
    ASSERT_TRUE(ReadFile(pipe, buf, sizeof buf, &n, nullptr));
    if (!ImpersonateNamedPipeClient(pipe)) {
      reply(pipe, "impersonate " + std::to_string(GetLastError()));
      return;
    }
    std::string who = std::to_string(ImpRt_CurrentUid());
    HANDLE f = CreateFileW(stub, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr);
    DWORD err = f == INVALID_HANDLE_VALUE ? GetLastError() : 0;
    std::string data;
    if (f != INVALID_HANDLE_VALUE) {
      char d[64];
      DWORD got = 0;
      ReadFile(f, d, sizeof d, &got, nullptr);
      data.assign(d, got);
      CloseHandle(f);
    }
    RevertToSelf();
    reply(pipe, who + " " + std::to_string(err) + " " + data);
  };
}

TEST_F(Facade, PipeImpersonationBeforeTheFirstReadFails) {
  PipeRun r;
  r.handler = [](HANDLE pipe) {
    EXPECT_FALSE(ImpersonateNamedPipeClient(pipe));
    EXPECT_EQ(GetLastError(), (DWORD)ERROR_CANNOT_IMPERSONATE);
    EXPECT_FALSE(rt::isImpersonating());
    char buf[16];
    DWORD n;
    ASSERT_TRUE(ReadFile(pipe, buf, sizeof buf, &n, nullptr));
    EXPECT_TRUE(ImpersonateNamedPipeClient(pipe)); // after a read it works
    EXPECT_EQ(ImpRt_CurrentUid(), rt::kAlice);
    RevertToSelf();
    reply(pipe, "ok");
  };
  runPipe(r);
  EXPECT_EQ(r.reply, "ok");
}

TEST_F(Facade, PipeClientAtImpersonateReadsOwnStubNotBobs) {
  makeStubs();
  PipeRun own;
  own.handler = openAsClient(L"stubs\\alice.stub");
  runPipe(own);
  EXPECT_EQ(own.reply, "61001 0 alice pay"); // positive control
  PipeRun other;
  other.handler = openAsClient(L"stubs\\bob.stub");
  runPipe(other);
  EXPECT_EQ(other.reply, "61001 5 "); // ERROR_ACCESS_DENIED from the kernel
}

TEST_F(Facade, PipeClientWithoutSqosIsImpersonateLevel) {
  makeStubs();
  PipeRun r;
  r.sqos = 0;
  r.handler = openAsClient(L"stubs\\alice.stub");
  runPipe(r);
  EXPECT_EQ(r.reply, "61001 0 alice pay");
}

TEST_F(Facade, PipeClientAtIdentifyCannotBeUsedToOpenObjects) {
  makeStubs();
  PipeRun r;
  r.sqos = SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION;
  r.handler = [](HANDLE pipe) {
    char buf[16];
    DWORD n;
    ASSERT_TRUE(ReadFile(pipe, buf, sizeof buf, &n, nullptr));
    ASSERT_TRUE(ImpersonateNamedPipeClient(pipe)); // succeeds, as on Windows
    HANDLE tok = nullptr;
    ASSERT_TRUE(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &tok));
    SECURITY_IMPERSONATION_LEVEL level;
    DWORD len;
    ASSERT_TRUE(GetTokenInformation(tok, TokenImpersonationLevel, &level, sizeof level, &len));
    EXPECT_EQ(level, SecurityIdentification);
    CloseHandle(tok);
    EXPECT_EQ(CreateFileW(L"stubs\\alice.stub", GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0,
                          nullptr),
              INVALID_HANDLE_VALUE);
    EXPECT_EQ(GetLastError(), (DWORD)ERROR_BAD_IMPERSONATION_LEVEL);
    RevertToSelf();
    reply(pipe, "done");
  };
  runPipe(r);
  EXPECT_EQ(r.reply, "done");
}

TEST_F(Facade, PipeClientAtAnonymousHidesItsToken) {
  PipeRun r;
  r.sqos = SECURITY_SQOS_PRESENT | SECURITY_ANONYMOUS;
  r.handler = [](HANDLE pipe) {
    char buf[16];
    DWORD n;
    ASSERT_TRUE(ReadFile(pipe, buf, sizeof buf, &n, nullptr));
    ASSERT_TRUE(ImpersonateNamedPipeClient(pipe));
    HANDLE tok = nullptr;
    EXPECT_FALSE(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &tok));
    EXPECT_EQ(GetLastError(), (DWORD)ERROR_CANT_OPEN_ANONYMOUS);
    EXPECT_EQ(GetFileAttributesW(L"."), INVALID_FILE_ATTRIBUTES);
    EXPECT_EQ(GetLastError(), (DWORD)ERROR_BAD_IMPERSONATION_LEVEL);
    RevertToSelf();
    reply(pipe, "done");
  };
  runPipe(r);
  EXPECT_EQ(r.reply, "done");
}

TEST_F(Facade, PipeClientThatHasGoneAwayCannotBeImpersonated) {
  PipeRun r;
  r.clientLeavesFirst = true;
  r.handler = [](HANDLE pipe) {
    char buf[16];
    DWORD n;
    ASSERT_TRUE(ReadFile(pipe, buf, sizeof buf, &n, nullptr)); // its request is still there
    EXPECT_FALSE(ImpersonateNamedPipeClient(pipe));
    EXPECT_EQ(GetLastError(), (DWORD)ERROR_PIPE_NOT_CONNECTED);
    EXPECT_FALSE(ReadFile(pipe, buf, sizeof buf, &n, nullptr));
    EXPECT_EQ(GetLastError(), (DWORD)ERROR_BROKEN_PIPE);
  };
  runPipe(r);
  EXPECT_FALSE(rt::isImpersonating());
}

TEST_F(Facade, PipeMessagesLargerThanTheBufferReportMoreData) {
  PipeRun r;
  r.request = "0123456789";
  r.handler = [](HANDLE pipe) {
    char buf[4];
    DWORD n = 0;
    EXPECT_FALSE(ReadFile(pipe, buf, sizeof buf, &n, nullptr));
    EXPECT_EQ(GetLastError(), (DWORD)ERROR_MORE_DATA);
    EXPECT_EQ(std::string(buf, n), "0123");
    std::string rest;
    char big[16];
    ASSERT_TRUE(ReadFile(pipe, big, sizeof big, &n, nullptr));
    rest.assign(big, n);
    EXPECT_EQ(rest, "456789");
    ULONG pid = 0;
    ASSERT_TRUE(GetNamedPipeClientProcessId(pipe, &pid));
    EXPECT_EQ(pid, static_cast<ULONG>(getpid()));
    reply(pipe, "ok");
  };
  runPipe(r);
  EXPECT_EQ(r.reply, "ok");
}

TEST_F(Facade, PipeWithoutServerIsNotFound) {
  HANDLE h = CreateFileW(L"\\\\.\\pipe\\nobody-here", GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0,
                         nullptr);
  EXPECT_EQ(h, INVALID_HANDLE_VALUE);
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_FILE_NOT_FOUND);
  EXPECT_FALSE(WaitNamedPipeW(L"\\\\.\\pipe\\nobody-here", 10));
}

TEST_F(Facade, CPipeScenarioAsAlice) {
  makeStubs();
  DWORD status = 99, length = 0, uid = 0;
  char data[256] = {};
  ASSERT_EQ(ImpRtTest_RunCPipeScenario(SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION,
                                       L"stubs\\alice.stub", &status, &length, data, &uid),
            0);
  EXPECT_EQ(status, 0u);
  EXPECT_EQ(std::string(data, length), "alice pay");
  EXPECT_EQ(uid, rt::kAlice);
  ASSERT_EQ(ImpRtTest_RunCPipeScenario(SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION,
                                       L"stubs\\bob.stub", &status, &length, data, &uid),
            0);
  EXPECT_EQ(status, (DWORD)ERROR_ACCESS_DENIED);
  ASSERT_EQ(ImpRtTest_RunCPipeScenario(SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION,
                                       L"stubs\\alice.stub", &status, &length, data, &uid),
            0);
  EXPECT_EQ(status, (DWORD)ERROR_BAD_IMPERSONATION_LEVEL);
}

// ---- threads and processes -------------------------------------------------------------

struct ThreadSeen {
  uid_t uid = 1;
  int secretErr = -1;
  std::string secretPath;
};

DWORD WINAPI lookAtMyself(LPVOID p) {
  auto *seen = static_cast<ThreadSeen *>(p);
  seen->uid = rt::current().uid;
  int fd = open(seen->secretPath.c_str(), O_RDONLY | O_CLOEXEC);
  seen->secretErr = fd < 0 ? errno : 0;
  if (fd >= 0)
    close(fd);
  return 7;
}

TEST_F(Facade, CreateThreadStartsOnThePrimaryIdentity) {
  ASSERT_TRUE(rt::makeFile(path("secret"), "x", 0, 0, 0600).ok());
  ThreadSeen seen;
  seen.secretPath = path("secret");
  HANDLE alice = logon(L"alice");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  HANDLE t = CreateThread(nullptr, 0, lookAtMyself, &seen, 0, nullptr);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
  DWORD code = 0;
  ASSERT_TRUE(GetExitCodeThread(t, &code));
  EXPECT_EQ(code, 7u);
  EXPECT_EQ(ImpRt_CurrentUid(), rt::kAlice); // the creator is still alice
  RevertToSelf();
  EXPECT_EQ(seen.uid, rt::primaryToken().uid); // Linux would have given it alice
  EXPECT_EQ(seen.secretErr, 0);
  CloseHandle(t);
  CloseHandle(alice);
}

TEST_F(Facade, BeginThreadExStartsOnThePrimaryIdentity) {
  ThreadSeen seen;
  seen.secretPath = "/";
  rt::ImpersonationScope as(token("bob"));
  uintptr_t h = _beginthreadex(
      nullptr, 0, [](void *p) -> unsigned { return lookAtMyself(p); }, &seen, 0, nullptr);
  ASSERT_NE(h, 0u);
  EXPECT_EQ(WaitForSingleObject(reinterpret_cast<HANDLE>(h), 5000), WAIT_OBJECT_0);
  EXPECT_EQ(seen.uid, rt::primaryToken().uid);
  CloseHandle(reinterpret_cast<HANDLE>(h));
}

TEST_F(Facade, SuspendedThreadCanBeHandedATokenBeforeItRuns) {
  ThreadSeen seen;
  seen.secretPath = "/";
  HANDLE t = CreateThread(nullptr, 0, lookAtMyself, &seen, CREATE_SUSPENDED, nullptr);
  ASSERT_NE(t, nullptr);
  HANDLE bob = ImpRt_AccountToken("bob", SecurityImpersonation);
  ASSERT_TRUE(SetThreadToken(&t, bob));
  EXPECT_FALSE(rt::isImpersonating()); // the caller is unchanged
  EXPECT_EQ(ResumeThread(t), 1u);
  EXPECT_EQ(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
  EXPECT_EQ(seen.uid, rt::kBob);
  EXPECT_FALSE(SetThreadToken(&t, bob)); // too late: it ran
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_NOT_SUPPORTED);
  CloseHandle(t);
  CloseHandle(bob);
}

DWORD WINAPI poolItem(LPVOID p) {
  auto *seen = static_cast<std::pair<std::atomic<bool>, uid_t> *>(p);
  seen->second = rt::current().uid;
  seen->first = true;
  return 0;
}

TEST_F(Facade, WorkItemsRunOnPoolThreadsAsTheService) {
  std::pair<std::atomic<bool>, uid_t> seen{false, 1};
  rt::ImpersonationScope as(token("carol"));
  ASSERT_TRUE(QueueUserWorkItem(poolItem, &seen, WT_EXECUTEDEFAULT));
  while (!seen.first)
    std::this_thread::yield();
  EXPECT_EQ(seen.second, rt::primaryToken().uid);
}

TEST_F(Facade, CreateProcessChildRunsAsTheProcessNotTheClient) {
  HANDLE out = CreateFileW(L"id.txt", GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
  ASSERT_NE(out, INVALID_HANDLE_VALUE);
  HANDLE alice = logon(L"alice");
  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  STARTUPINFOW si = {};
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdOutput = out;
  PROCESS_INFORMATION pi = {};
  wchar_t cmd[] = L"/usr/bin/id -u";
  ASSERT_TRUE(CreateProcessW(nullptr, cmd, nullptr, nullptr, FALSE, CREATE_NO_WINDOW, nullptr,
                             nullptr, &si, &pi));
  RevertToSelf();
  EXPECT_EQ(WaitForSingleObject(pi.hProcess, 10000), WAIT_OBJECT_0);
  DWORD code = 99;
  ASSERT_TRUE(GetExitCodeProcess(pi.hProcess, &code));
  EXPECT_EQ(code, 0u);
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  CloseHandle(out);
  // What the child printed about itself, and what it reported before exec.
  EXPECT_EQ(rt::readFile(path("id.txt")).value(), std::to_string(rt::primaryToken().uid) + "\n");
  bool found = false;
  for (const monitor::Event &e : monitor::events())
    if (e.kind == monitor::EventKind::Spawn && e.api == "CreateProcessW") {
      found = true;
      EXPECT_EQ(e.identity.uid, rt::primaryToken().uid);
    }
  EXPECT_TRUE(found);
  CloseHandle(alice);
}

TEST_F(Facade, CreateProcessAsUserRunsTheChildAsThatUser) {
  HANDLE out = CreateFileW(L"id.txt", GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
  HANDLE bob = logon(L"bob");
  STARTUPINFOW si = {};
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdOutput = out;
  PROCESS_INFORMATION pi = {};
  wchar_t cmd[] = L"id -u";
  ASSERT_TRUE(CreateProcessAsUserW(bob, nullptr, cmd, nullptr, nullptr, FALSE, 0, nullptr,
                                   nullptr, &si, &pi));
  EXPECT_EQ(WaitForSingleObject(pi.hProcess, 10000), WAIT_OBJECT_0);
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  CloseHandle(out);
  EXPECT_EQ(rt::readFile(path("id.txt")).value(), "61002\n");
  CloseHandle(bob);
}

TEST_F(Facade, CreateProcessReportsMissingPrograms) {
  STARTUPINFOW si = {};
  si.cb = sizeof si;
  PROCESS_INFORMATION pi = {};
  wchar_t cmd[] = L"no-such-program-here.exe /x";
  EXPECT_FALSE(CreateProcessW(nullptr, cmd, nullptr, nullptr, FALSE, 0, nullptr, nullptr, &si, &pi));
  EXPECT_EQ(GetLastError(), (DWORD)ERROR_FILE_NOT_FOUND);
  wchar_t exe[] = L"true.exe"; // ".exe" is dropped when the name as given finds nothing
  ASSERT_TRUE(CreateProcessW(nullptr, exe, nullptr, nullptr, FALSE, 0, nullptr, nullptr, &si, &pi));
  EXPECT_EQ(WaitForSingleObject(pi.hProcess, 10000), WAIT_OBJECT_0);
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
}

TEST_F(Facade, SystemRunsAsTheProcess) {
  ASSERT_TRUE(rt::makeDir(path("out"), 0, 0, 0777).ok());
  rt::ImpersonationScope as(token("alice"));
  std::string cmd = "id -u > " + path("out/u.txt");
  EXPECT_EQ(system(cmd.c_str()), 0);
  EXPECT_EQ(system("exit 3"), 3);
  EXPECT_EQ(rt::asService([&] { return rt::readFile(path("out/u.txt")).value(); }),
            std::to_string(rt::primaryToken().uid) + "\n");
}

// ---- registry --------------------------------------------------------------------------

TEST_F(Facade, RegistryOwnersAndModesAreEnforcedByTheKernel) {
  ASSERT_TRUE(rt::makeRegistryKey(L"HKLM\\Software\\Payroll", 0, 0, 0755).ok());
  ASSERT_TRUE(rt::makeRegistryKey(L"HKLM\\Software\\Payroll\\bob", rt::kBob, rt::kBob, 0700).ok());
  ASSERT_TRUE(rt::setRegistryDword(L"HKLM\\Software\\Payroll\\bob", L"Salary", 5000, rt::kBob,
                                   rt::kBob, 0600)
                  .ok());
  HANDLE bob = logon(L"bob"), alice = logon(L"alice");
  HKEY key = nullptr;
  DWORD value = 0, size = sizeof value, type = 0;

  ASSERT_TRUE(ImpersonateLoggedOnUser(bob));
  ASSERT_EQ(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Payroll\\Bob", 0, KEY_READ, &key),
            ERROR_SUCCESS); // positive control, and names are case-insensitive
  ASSERT_EQ(RegQueryValueExW(key, L"salary", nullptr, &type, reinterpret_cast<BYTE *>(&value), &size),
            ERROR_SUCCESS);
  EXPECT_EQ(type, (DWORD)REG_DWORD);
  EXPECT_EQ(value, 5000u);
  DWORD other = 1;
  EXPECT_EQ(RegSetValueExW(key, L"Salary", 0, REG_DWORD, reinterpret_cast<BYTE *>(&other), 4),
            (LSTATUS)ERROR_ACCESS_DENIED); // opened for reading only
  RegCloseKey(key);
  RevertToSelf();

  ASSERT_TRUE(ImpersonateLoggedOnUser(alice));
  EXPECT_EQ(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Payroll\\bob", 0, KEY_READ, &key),
            (LSTATUS)ERROR_ACCESS_DENIED);
  EXPECT_EQ(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Payroll", 0, KEY_WRITE, &key),
            (LSTATUS)ERROR_ACCESS_DENIED);
  DWORD disposition = 0;
  EXPECT_EQ(RegCreateKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Payroll\\alice", 0, nullptr,
                            REG_OPTION_NON_VOLATILE, KEY_ALL_ACCESS, nullptr, &key, &disposition),
            (LSTATUS)ERROR_ACCESS_DENIED);
  EXPECT_EQ(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Nowhere", 0, KEY_READ, &key),
            (LSTATUS)ERROR_FILE_NOT_FOUND);
  // alice's own hive is hers; HKEY_CURRENT_USER is still the process's user's.
  HKEY mine = nullptr;
  ASSERT_EQ(RegOpenCurrentUser(KEY_ALL_ACCESS, &mine), ERROR_SUCCESS);
  ASSERT_EQ(RegCreateKeyExW(mine, L"Settings", 0, nullptr, REG_OPTION_NON_VOLATILE,
                            KEY_ALL_ACCESS, nullptr, &key, &disposition),
            ERROR_SUCCESS);
  EXPECT_EQ(disposition, (DWORD)REG_CREATED_NEW_KEY);
  const wchar_t color[] = L"blue";
  ASSERT_EQ(RegSetValueExW(key, L"Color", 0, REG_SZ, reinterpret_cast<const BYTE *>(color),
                           sizeof color),
            ERROR_SUCCESS);
  wchar_t back[16];
  size = sizeof back;
  ASSERT_EQ(RegGetValueW(mine, L"Settings", L"Color", RRF_RT_REG_SZ, &type, back, &size),
            ERROR_SUCCESS);
  EXPECT_STREQ(back, L"blue");
  EXPECT_EQ(RegGetValueW(mine, L"Settings", L"Color", RRF_RT_REG_DWORD, &type, back, &size),
            (LSTATUS)ERROR_UNSUPPORTED_TYPE);
  RegCloseKey(key);
  RegCloseKey(mine);
  // HKEY_CURRENT_USER is the process's user's hive (cached per process, not per thread):
  // private to root, so alice is refused; the service itself finds no "Settings" there.
  EXPECT_EQ(RegOpenKeyExW(HKEY_CURRENT_USER, L"Settings", 0, KEY_READ, &key),
            (LSTATUS)ERROR_ACCESS_DENIED);
  RevertToSelf();
  EXPECT_EQ(RegOpenKeyExW(HKEY_CURRENT_USER, L"Settings", 0, KEY_READ, &key),
            (LSTATUS)ERROR_FILE_NOT_FOUND);
  struct stat st;
  ASSERT_EQ(stat(path("registry/hkey_users/s-1-22-1-61001/settings").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, rt::kAlice);

  ASSERT_TRUE(SetThreadToken(nullptr, ImpRt_AccountToken("bob", SecurityIdentification)));
  EXPECT_EQ(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Payroll\\bob", 0, KEY_READ, &key),
            (LSTATUS)ERROR_BAD_IMPERSONATION_LEVEL);
  RevertToSelf();
  CloseHandle(bob);
  CloseHandle(alice);
}

// ---- RPC, COM, SSPI ---------------------------------------------------------------------

TEST_F(Facade, RpcBindingCarriesTheClient) {
  makeStubs();
  struct Ctx {
    RPC_STATUS st = -1;
    uid_t uid = 1;
    DWORD openErr = 99;
  } ctx;
  HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
  ASSERT_EQ(ImpRt_RpcDispatch("rpc", alice, nullptr, 0,
                              [](RPC_BINDING_HANDLE b, void *p) {
                                auto *c = static_cast<Ctx *>(p);
                                c->st = RpcImpersonateClient(b);
                                c->uid = rt::current().uid;
                                HANDLE f = CreateFileW(L"stubs\\alice.stub", GENERIC_READ, 0,
                                                       nullptr, OPEN_EXISTING, 0, nullptr);
                                c->openErr = f == INVALID_HANDLE_VALUE ? GetLastError() : 0;
                                CloseHandle(f);
                                RpcRevertToSelf();
                              },
                              &ctx),
            RPC_S_OK);
  EXPECT_EQ(ctx.st, RPC_S_OK);
  EXPECT_EQ(ctx.uid, rt::kAlice);
  EXPECT_EQ(ctx.openErr, 0u);
  EXPECT_FALSE(rt::isImpersonating());
  // No identity on the binding; no call at all.
  ASSERT_EQ(ImpRt_RpcDispatch("rpc", nullptr, nullptr, 0,
                              [](RPC_BINDING_HANDLE, void *p) {
                                static_cast<Ctx *>(p)->st = RpcImpersonateClient(nullptr);
                              },
                              &ctx),
            RPC_S_OK);
  EXPECT_EQ(ctx.st, (RPC_STATUS)RPC_S_NO_CONTEXT_AVAILABLE);
  EXPECT_EQ(RpcImpersonateClient(nullptr), (RPC_STATUS)RPC_S_NO_CALL_ACTIVE);
  EXPECT_EQ(RpcRevertToSelf(), (RPC_STATUS)RPC_S_NO_CALL_ACTIVE);
  EXPECT_EQ(ImpRt_RpcDispatch("rpc", alice, nullptr, 0, nullptr, nullptr), (RPC_STATUS)RPC_S_INVALID_ARG);
  CloseHandle(alice);
}

TEST_F(Facade, ComCallRevertsWhenItEnds) {
  HANDLE bob = ImpRt_AccountToken("bob", SecurityImpersonation);
  uid_t inside = 1;
  HRESULT hr = ImpRt_ComDispatch("com", bob, nullptr, 0,
                                 [](void *p) -> HRESULT {
                                   HRESULT h = CoImpersonateClient();
                                   *static_cast<uid_t *>(p) = rt::current().uid;
                                   return h; // no CoRevertToSelf: COM does it
                                 },
                                 &inside);
  EXPECT_EQ(hr, S_OK);
  EXPECT_EQ(inside, rt::kBob);
  EXPECT_FALSE(rt::isImpersonating());
  EXPECT_EQ(CoImpersonateClient(), RPC_E_CALL_COMPLETE);
  EXPECT_EQ(CoRevertToSelf(), RPC_E_CALL_COMPLETE);
  hr = ImpRt_ComDispatch("com", nullptr, nullptr, 0,
                         [](void *) -> HRESULT { return CoImpersonateClient(); }, nullptr);
  EXPECT_TRUE(FAILED(hr));
  CloseHandle(bob);
}

TEST_F(Facade, SspiContextCarriesTheClient) {
  HANDLE carol = ImpRt_AccountToken("carol", SecurityDelegation);
  CtxtHandle ctx;
  ASSERT_EQ(ImpRt_SspiCreateContext(carol, &ctx), SEC_E_OK);
  ASSERT_EQ(ImpersonateSecurityContext(&ctx), SEC_E_OK);
  EXPECT_EQ(rt::current().uid, rt::kCarol);
  EXPECT_EQ(rt::current().groups,
            (std::vector<gid_t>{rt::kCarol, rt::kUsersGroup, rt::kPayrollGroup}));
  ASSERT_EQ(RevertSecurityContext(&ctx), SEC_E_OK);
  EXPECT_FALSE(rt::isImpersonating());
  HANDLE tok = nullptr;
  ASSERT_EQ(QuerySecurityContextToken(&ctx, &tok), SEC_E_OK);
  TOKEN_TYPE type;
  DWORD len;
  ASSERT_TRUE(GetTokenInformation(tok, TokenType, &type, sizeof type, &len));
  EXPECT_EQ(type, TokenImpersonation);
  CloseHandle(tok);
  ASSERT_EQ(DeleteSecurityContext(&ctx), SEC_E_OK);
  EXPECT_EQ(ImpersonateSecurityContext(&ctx), SEC_E_INVALID_HANDLE); // deleted
  CtxtHandle nobody;
  ASSERT_EQ(ImpRt_SspiCreateContext(nullptr, &nobody), SEC_E_OK);
  EXPECT_EQ(ImpersonateSecurityContext(&nobody), SEC_E_NO_IMPERSONATION);
  DeleteSecurityContext(&nobody);
  CloseHandle(carol);
}

// ---- strings ----------------------------------------------------------------------------

TEST(FacadeStrings, StrsafeAndPathHelpers) {
  WCHAR buf[8];
  EXPECT_EQ(StringCchCopyW(buf, 8, L"abc"), S_OK);
  EXPECT_EQ(StringCchCatW(buf, 8, L"defgh"), STRSAFE_E_INSUFFICIENT_BUFFER);
  EXPECT_STREQ(buf, L"abcdefg");
  WCHAR out[64];
  EXPECT_EQ(StringCchPrintfW(out, 64, L"%s\\%s.%S %d %lu", L"stubs", L"2024-05", "stub", -3,
                             (DWORD)7),
            S_OK);
  EXPECT_STREQ(out, L"stubs\\2024-05.stub -3 7");
  char narrow[32];
  EXPECT_EQ(StringCchPrintfA(narrow, 32, "%s=%S", "k", L"v"), S_OK);
  EXPECT_STREQ(narrow, "k=v");
  size_t len = 0;
  EXPECT_EQ(StringCchLengthW(L"four", 10, &len), S_OK);
  EXPECT_EQ(len, 4u);
  WCHAR p[MAX_PATH];
  EXPECT_STREQ(PathCombineW(p, L"C:\\stubs", L"..\\bob\\x.stub"), L"C:\\bob\\x.stub");
  EXPECT_STREQ(PathCombineW(p, L"C:\\stubs\\", L"a.stub"), L"C:\\stubs\\a.stub");
  EXPECT_STREQ(PathCombineW(p, L"C:\\stubs", L"D:\\x"), L"D:\\x");
  EXPECT_STREQ(PathCombineW(p, L"C:\\stubs", L"\\x"), L"C:\\x");
  WCHAR q[MAX_PATH] = L"C:\\a";
  ASSERT_TRUE(PathAppendW(q, L"b.txt"));
  EXPECT_STREQ(q, L"C:\\a\\b.txt");
  EXPECT_STREQ(PathFindFileNameW(q), L"b.txt");
  EXPECT_STREQ(PathFindExtensionW(q), L".txt");
  ASSERT_TRUE(PathRemoveFileSpecW(q));
  EXPECT_STREQ(q, L"C:\\a");
  EXPECT_TRUE(PathIsRelativeW(L"a\\b"));
  EXPECT_FALSE(PathIsRelativeW(L"C:\\a"));
  EXPECT_EQ(HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED), E_ACCESSDENIED);
}

} // namespace
