// Processes, threads and the work-item pool, with Windows' rule for identities: a new
// process runs as the process's primary identity and a new thread starts on it, whatever
// the creating thread is impersonating. Linux copies the creating thread's credentials, so
// the child (after fork, before exec) and the thread (in its trampoline) restore the
// primary identity themselves, and report what they really run as.
#include "facade.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <process.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

using namespace impersonation::win32;
namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;

namespace impersonation::win32 {

struct ThreadState {
  std::mutex mutex;
  std::condition_variable cv;
  // What to run: one of the two.
  LPTHREAD_START_ROUTINE routine = nullptr;
  unsigned (*routineEx)(void *) = nullptr;
  void *arg = nullptr;
  bool suspended = false;
  bool started = false;  // the trampoline runs (tid known)
  bool resumed = false;
  bool reported = false; // identity known, routine about to run
  bool finished = false;
  long tid = 0;
  DWORD exitCode = STILL_ACTIVE;
  rt::Identity identity; // what the thread really runs the routine as
  std::optional<rt::Token> handover;
  // The spawn, for a thread recorded at ResumeThread.
  const char *api = nullptr;
  const char *file = nullptr;
  unsigned line = 0;
  rt::Actor creatorActor = rt::Actor::Service;
  rt::Identity creator;
};

ProcessObject::~ProcessObject() {
  std::lock_guard<std::mutex> lock(mutex);
  if (!reaped && pid > 0) {
    pid_t p = pid;
    // Nobody will wait for it: reap it in the background so it leaves no zombie.
    std::thread([p] {
      int status;
      while (waitpid(p, &status, 0) < 0 && errno == EINTR) {
      }
    }).detach();
  }
}

} // namespace impersonation::win32

namespace {

// ---- command lines ------------------------------------------------------------------

// CommandLineToArgvW's rules: 2n backslashes + quote -> n backslashes, toggle quoting;
// 2n+1 backslashes + quote -> n backslashes and a literal quote.
std::vector<std::string> splitCommandLine(const std::wstring &cmd) {
  std::vector<std::string> args;
  size_t i = 0, n = cmd.size();
  while (i < n) {
    while (i < n && (cmd[i] == L' ' || cmd[i] == L'\t'))
      ++i;
    if (i >= n)
      break;
    std::wstring arg;
    bool quoted = false;
    while (i < n && (quoted || (cmd[i] != L' ' && cmd[i] != L'\t'))) {
      if (cmd[i] == L'\\') {
        size_t b = 0;
        while (i < n && cmd[i] == L'\\') {
          ++b;
          ++i;
        }
        if (i < n && cmd[i] == L'"') {
          arg.append(b / 2, L'\\');
          if (b % 2) {
            arg += L'"';
            ++i;
          }
        } else {
          arg.append(b, L'\\');
        }
      } else if (cmd[i] == L'"') {
        if (quoted && i + 1 < n && cmd[i + 1] == L'"') {
          arg += L'"';
          i += 2;
        } else {
          quoted = !quoted;
          ++i;
        }
      } else {
        arg += cmd[i++];
      }
    }
    args.push_back(rt::toUtf8(arg));
  }
  return args;
}

bool executable(const std::string &path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

// A program name: a Linux path, a Windows path under the root, or a bare name found in
// the root or in PATH; a trailing ".exe" is dropped if the name as given finds nothing.
std::string resolveProgram(const std::string &name) {
  std::vector<std::string> names = {name};
  if (name.size() > 4) {
    std::string tail = name.substr(name.size() - 4);
    for (char &c : tail)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (tail == ".exe")
      names.push_back(name.substr(0, name.size() - 4));
  }
  for (const std::string &n : names) {
    bool hasSeparator = n.find('/') != std::string::npos || n.find('\\') != std::string::npos ||
                        (n.size() > 1 && n[1] == ':');
    std::string mapped = rt::hostPath(n);
    if (executable(mapped))
      return mapped;
    if (hasSeparator)
      continue;
    const char *pathEnv = std::getenv("PATH");
    std::string path = pathEnv ? pathEnv : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find(':', start);
      if (end == std::string::npos)
        end = path.size();
      std::string dir = path.substr(start, end - start);
      if (!dir.empty() && executable(dir + "/" + n))
        return dir + "/" + n;
      start = end + 1;
    }
  }
  return "";
}

struct SpawnSpec {
  std::string program;
  std::vector<std::string> argv;
  std::optional<std::vector<std::string>> env;
  std::string cwd;
  int stdio[3] = {-1, -1, -1};
  std::optional<rt::Token> asUser; // CreateProcessAsUser: the child becomes this user
};

struct SpawnOutcome {
  DWORD error = 0;
  pid_t pid = 0;
  rt::Identity child;
};

// What the child writes to the parent before exec.
struct ChildReport {
  uint32_t uid, gid;
  int32_t ngroups;
  uint32_t groups[64];
};

// In the child after fork: raw system calls only (async-signal-safe).
[[noreturn]] void childMain(const SpawnSpec &spec, char *const *argv, char *const *envp,
                            int reportFd) {
  int err = rt::detail::restorePrimaryInChild();
  if (!err && spec.asUser) {
    const rt::Token &t = *spec.asUser;
    if (syscall(SYS_setgroups, t.groups.size(), t.groups.data()) != 0 ||
        syscall(SYS_setresgid, t.gid, t.gid, t.gid) != 0 ||
        syscall(SYS_setresuid, t.uid, t.uid, t.uid) != 0)
      err = errno;
  }
  for (int i = 0; i < 3 && !err; ++i)
    if (spec.stdio[i] >= 0 && dup2(spec.stdio[i], i) < 0)
      err = errno;
  if (!err && !spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0)
    err = errno;
  ChildReport r{};
  uid_t ru, eu, su;
  gid_t rg, eg, sg;
  syscall(SYS_getresuid, &ru, &eu, &su);
  syscall(SYS_getresgid, &rg, &eg, &sg);
  r.uid = eu;
  r.gid = eg;
  gid_t groups[64];
  long n = syscall(SYS_getgroups, 64, groups);
  r.ngroups = static_cast<int32_t>(n < 0 ? 0 : n);
  for (long i = 0; i < r.ngroups; ++i)
    r.groups[i] = groups[i];
  if (write(reportFd, &r, sizeof r) != static_cast<ssize_t>(sizeof r))
    _exit(127);
  if (!err) {
    execve(spec.program.c_str(), argv, envp);
    err = errno;
  }
  int32_t e = err;
  (void)!write(reportFd, &e, sizeof e);
  _exit(127);
}

SpawnOutcome spawnProcess(const SpawnSpec &spec) {
  SpawnOutcome out;
  std::vector<char *> argv, envp;
  for (const std::string &a : spec.argv)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);
  if (spec.env) {
    for (const std::string &e : *spec.env)
      envp.push_back(const_cast<char *>(e.c_str()));
    envp.push_back(nullptr);
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    out.error = lastErrorFromErrno(errno);
    return out;
  }
  pid_t pid = fork(); // not posix_spawn: the child must restore its identity before exec
  if (pid < 0) {
    out.error = lastErrorFromErrno(errno);
    close(fds[0]);
    close(fds[1]);
    return out;
  }
  if (pid == 0) {
    close(fds[0]);
    childMain(spec, argv.data(), spec.env ? envp.data() : environ, fds[1]);
  }
  close(fds[1]);
  ChildReport r{};
  size_t got = 0;
  while (got < sizeof r) {
    ssize_t n = read(fds[0], reinterpret_cast<char *>(&r) + got, sizeof r - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    got += static_cast<size_t>(n);
  }
  int32_t execErr = 0;
  ssize_t n;
  do {
    n = read(fds[0], &execErr, sizeof execErr); // EOF: exec closed the pipe, it ran
  } while (n < 0 && errno == EINTR);
  close(fds[0]);
  if (got != sizeof r || n > 0) {
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    int err = n > 0 ? execErr : ECHILD;
    out.error = err == ENOENT ? ERROR_FILE_NOT_FOUND
                : err == ENOEXEC ? ERROR_BAD_EXE_FORMAT
                                 : lastErrorFromErrno(err);
    return out;
  }
  out.pid = pid;
  out.child.uid = r.uid;
  out.child.gid = r.gid;
  for (int i = 0; i < r.ngroups && i < 64; ++i)
    out.child.groups.push_back(r.groups[i]);
  std::sort(out.child.groups.begin(), out.child.groups.end());
  return out;
}

int fdOfHandle(HANDLE h) {
  std::shared_ptr<Object> o = lookupHandle(h);
  if (!o)
    return -1;
  if (o->kind == Kind::File)
    return static_cast<FileObject &>(*o).fd;
  if (o->kind == Kind::PipeServer || o->kind == Kind::PipeClient)
    return static_cast<PipeEnd &>(*o).fd;
  return -1;
}

std::vector<std::string> environmentBlock(const void *block, bool unicode) {
  std::vector<std::string> env;
  if (unicode) {
    for (const wchar_t *p = static_cast<const wchar_t *>(block); *p; p += std::wcslen(p) + 1)
      env.push_back(rt::toUtf8(p));
  } else {
    for (const char *p = static_cast<const char *>(block); *p; p += std::strlen(p) + 1)
      env.emplace_back(p);
  }
  return env;
}

struct ProcessArgs {
  std::wstring application; // may be empty
  std::wstring commandLine; // may be empty
  DWORD flags;
  const void *environment;
  std::wstring currentDirectory;
  bool haveDirectory;
  DWORD startupFlags;
  HANDLE stdHandles[3];
};

BOOL createProcess(const char *api, const char *file, int line, const ProcessArgs &a,
                   LPPROCESS_INFORMATION pi, const rt::Token *asUser) {
  std::string shown = rt::toUtf8(a.commandLine.empty() ? a.application : a.commandLine);
  rt::Actor creatorActor = rt::actor();
  rt::Identity creator = rt::current();
  // The program is opened by the creating thread, as on Windows: an access, then the
  // spawn. CreateProcessAsUser is the fix for spawning as the client (the child runs as
  // the token's user), and the static checks do not count it as an access either.
  const bool countsAsAccess = asUser == nullptr;
  auto fail = [&](DWORD err) {
    if (countsAsAccess)
      monitor::recordAccess(api, file, static_cast<unsigned>(line), shown, err);
    monitor::recordSpawnFrom(api, file, static_cast<unsigned>(line), shown, false, err,
                             rt::Identity{}, creatorActor, creator);
    return failWith(err);
  };
  if (!pi || (a.application.empty() && a.commandLine.empty()))
    return fail(ERROR_INVALID_PARAMETER);
  if (a.flags & CREATE_SUSPENDED)
    return fail(ERROR_NOT_SUPPORTED);
  if (rt::Status s = rt::checkCanOpenObjects(); !s.ok())
    return fail(s.error().code);
  SpawnSpec spec;
  spec.argv = splitCommandLine(a.commandLine.empty() ? L"\"" + a.application + L"\""
                                                     : a.commandLine);
  std::string programName =
      a.application.empty() ? (spec.argv.empty() ? "" : spec.argv[0]) : rt::toUtf8(a.application);
  spec.program = resolveProgram(programName);
  if (spec.program.empty())
    return fail(ERROR_FILE_NOT_FOUND);
  if (a.environment)
    spec.env = environmentBlock(a.environment, a.flags & CREATE_UNICODE_ENVIRONMENT);
  if (a.haveDirectory)
    spec.cwd = rt::hostPath(std::wstring_view(a.currentDirectory));
  if (a.startupFlags & STARTF_USESTDHANDLES)
    for (int i = 0; i < 3; ++i)
      if (a.stdHandles[i] && a.stdHandles[i] != INVALID_HANDLE_VALUE) {
        spec.stdio[i] = fdOfHandle(a.stdHandles[i]);
        if (spec.stdio[i] < 0)
          return fail(ERROR_INVALID_HANDLE);
      }
  if (asUser)
    spec.asUser = *asUser;
  SpawnOutcome o = spawnProcess(spec);
  if (o.error)
    return fail(o.error);
  if (countsAsAccess)
    monitor::recordAccess(api, file, static_cast<unsigned>(line), shown, 0);
  monitor::recordSpawnFrom(api, file, static_cast<unsigned>(line), shown, true, 0, o.child,
                           creatorActor, creator);
  auto proc = std::make_shared<ProcessObject>();
  proc->pid = o.pid;
  pi->hProcess = insertHandle(proc);
  pi->hThread = insertHandle(proc); // the primary thread ends with the process
  pi->dwProcessId = static_cast<DWORD>(o.pid);
  pi->dwThreadId = static_cast<DWORD>(o.pid);
  SetLastError(ERROR_SUCCESS);
  return TRUE;
}

bool securityDescriptorGiven(LPSECURITY_ATTRIBUTES sa) { return sa && sa->lpSecurityDescriptor; }

// ---- threads ------------------------------------------------------------------------------

void *trampoline(void *p) {
  auto *holder = static_cast<std::shared_ptr<ThreadState> *>(p);
  std::shared_ptr<ThreadState> st = *holder;
  delete holder;
  // Linux gave this thread its creator's credentials; Windows gives it the primary token.
  rt::revert();
  {
    std::unique_lock<std::mutex> lock(st->mutex);
    st->tid = static_cast<long>(syscall(SYS_gettid));
    st->started = true;
    st->cv.notify_all();
    st->cv.wait(lock, [&] { return !st->suspended || st->resumed; });
  }
  std::optional<rt::Token> handover;
  {
    std::lock_guard<std::mutex> lock(st->mutex);
    handover = st->handover;
  }
  if (handover && !rt::impersonate(*handover, rt::Site{"SetThreadToken", st->file, st->line}).ok())
    rt::revert();
  {
    std::lock_guard<std::mutex> lock(st->mutex);
    st->identity = rt::current();
    st->reported = true;
  }
  st->cv.notify_all();
  DWORD code = st->routine ? st->routine(st->arg) : st->routineEx(st->arg);
  {
    std::lock_guard<std::mutex> lock(st->mutex);
    st->exitCode = code;
    st->finished = true;
  }
  st->cv.notify_all();
  return nullptr;
}

HANDLE startThread(const char *api, const char *file, int line, SIZE_T stack,
                   std::shared_ptr<ThreadState> st, DWORD flags, LPDWORD tidOut) {
  st->suspended = flags & CREATE_SUSPENDED;
  st->api = api;
  st->file = file;
  st->line = static_cast<unsigned>(line);
  st->creatorActor = rt::actor();
  st->creator = rt::current();
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (stack)
    pthread_attr_setstacksize(&attr, std::max<size_t>(stack, PTHREAD_STACK_MIN));
  auto *holder = new std::shared_ptr<ThreadState>(st);
  pthread_t t;
  int rc = pthread_create(&t, &attr, trampoline, holder);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    delete holder;
    monitor::recordSpawnFrom(api, file, static_cast<unsigned>(line), "", false,
                             lastErrorFromErrno(rc), rt::Identity{}, st->creatorActor, st->creator);
    SetLastError(lastErrorFromErrno(rc));
    return nullptr;
  }
  std::unique_lock<std::mutex> lock(st->mutex);
  if (st->suspended) {
    st->cv.wait(lock, [&] { return st->started; });
  } else {
    st->cv.wait(lock, [&] { return st->reported; });
    rt::Identity child = st->identity;
    lock.unlock();
    monitor::recordSpawnFrom(api, file, static_cast<unsigned>(line), "", true, 0, child,
                             st->creatorActor, st->creator);
    lock.lock();
  }
  if (tidOut)
    *tidOut = static_cast<DWORD>(st->tid);
  return insertHandle(std::make_shared<ThreadObject>(st));
}

// ---- the work-item pool -------------------------------------------------------------------

struct WorkItem {
  LPTHREAD_START_ROUTINE fn;
  void *ctx;
  std::shared_ptr<ThreadState> report; // the pool thread's identity when the item starts
};

// Never destroyed: pool threads wait on it until the process ends, and destroying a
// condition variable with waiters blocks exit.
struct Pool {
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<WorkItem> queue;
  int idle = 0;
};
Pool &pool() {
  static Pool *p = new Pool;
  return *p;
}

void poolWorker() {
  rt::revert(); // a pool thread starts on the primary token
  Pool &p = pool();
  std::unique_lock<std::mutex> lock(p.mutex);
  for (;;) {
    ++p.idle;
    p.cv.wait(lock, [&] { return !p.queue.empty(); });
    --p.idle;
    WorkItem item = p.queue.front();
    p.queue.pop_front();
    lock.unlock();
    {
      // Whatever the last item left on this thread stays: as on Windows.
      std::lock_guard<std::mutex> l(item.report->mutex);
      item.report->identity = rt::current();
      item.report->reported = true;
    }
    item.report->cv.notify_all();
    item.fn(item.ctx);
    lock.lock();
  }
}

} // namespace

namespace impersonation::win32 {

bool isCurrentThreadHandle(HANDLE h) {
  if (h == currentThreadPseudo())
    return true;
  auto t = lookupAs<ThreadObject>(h, Kind::Thread);
  if (!t)
    return false;
  std::lock_guard<std::mutex> lock(t->state->mutex);
  return t->state->tid == static_cast<long>(syscall(SYS_gettid));
}

DWORD handOverToken(HANDLE thread, const rt::Token &token) {
  auto t = lookupAs<ThreadObject>(thread, Kind::Thread);
  if (!t)
    return lookupHandle(thread) ? ERROR_INVALID_HANDLE : ERROR_INVALID_HANDLE;
  std::lock_guard<std::mutex> lock(t->state->mutex);
  if (!t->state->suspended || t->state->resumed)
    return ERROR_NOT_SUPPORTED; // a running thread's credentials are its own on Linux
  t->state->handover = token;
  return 0;
}

DWORD waitThread(ThreadState &t, DWORD ms) {
  std::unique_lock<std::mutex> lock(t.mutex);
  auto done = [&] { return t.finished; };
  if (ms == INFINITE)
    t.cv.wait(lock, done);
  else if (!t.cv.wait_for(lock, std::chrono::milliseconds(ms), done))
    return WAIT_TIMEOUT;
  return WAIT_OBJECT_0;
}

bool threadExitCode(ThreadState &t, DWORD *code) {
  std::lock_guard<std::mutex> lock(t.mutex);
  *code = t.finished ? t.exitCode : STILL_ACTIVE;
  return true;
}

static DWORD exitCodeOf(int status) {
  if (WIFEXITED(status))
    return static_cast<DWORD>(WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return 128u + static_cast<DWORD>(WTERMSIG(status));
  return 0;
}

// Reaps the child if it has exited (blocking when `block`). Caller holds p.mutex.
static bool reap(ProcessObject &p, bool block) {
  if (p.reaped)
    return true;
  int status;
  pid_t r;
  do {
    r = waitpid(p.pid, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == p.pid) {
    p.reaped = true;
    p.exitCode = p.terminatedWith ? *p.terminatedWith : exitCodeOf(status);
    return true;
  }
  return false;
}

DWORD waitProcess(ProcessObject &p, DWORD ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(p.mutex);
      if (reap(p, false))
        return WAIT_OBJECT_0;
    }
    if (ms != INFINITE && std::chrono::steady_clock::now() >= deadline)
      return WAIT_TIMEOUT;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

} // namespace impersonation::win32

extern "C" {

BOOL ImpRt_CreateProcessW(const char *file, int line, LPCWSTR app, LPWSTR cmd,
                          LPSECURITY_ATTRIBUTES pa, LPSECURITY_ATTRIBUTES ta, BOOL, DWORD flags,
                          LPVOID env, LPCWSTR dir, LPSTARTUPINFOW si, LPPROCESS_INFORMATION pi) {
  if (securityDescriptorGiven(pa) || securityDescriptorGiven(ta))
    return failWith(ERROR_NOT_SUPPORTED);
  ProcessArgs a{app ? app : L"", cmd ? cmd : L"", flags, env, dir ? dir : L"", dir != nullptr,
                si ? si->dwFlags : 0u,
                {si ? si->hStdInput : nullptr, si ? si->hStdOutput : nullptr,
                 si ? si->hStdError : nullptr}};
  return createProcess("CreateProcessW", file, line, a, pi, nullptr);
}

BOOL ImpRt_CreateProcessA(const char *file, int line, LPCSTR app, LPSTR cmd,
                          LPSECURITY_ATTRIBUTES pa, LPSECURITY_ATTRIBUTES ta, BOOL, DWORD flags,
                          LPVOID env, LPCSTR dir, LPSTARTUPINFOA si, LPPROCESS_INFORMATION pi) {
  if (securityDescriptorGiven(pa) || securityDescriptorGiven(ta))
    return failWith(ERROR_NOT_SUPPORTED);
  ProcessArgs a{wide(app), wide(cmd), flags & ~static_cast<DWORD>(CREATE_UNICODE_ENVIRONMENT),
                env, wide(dir), dir != nullptr, si ? si->dwFlags : 0u,
                {si ? si->hStdInput : nullptr, si ? si->hStdOutput : nullptr,
                 si ? si->hStdError : nullptr}};
  return createProcess("CreateProcessA", file, line, a, pi, nullptr);
}

BOOL ImpRt_CreateProcessAsUserW(const char *file, int line, HANDLE token, LPCWSTR app,
                                LPWSTR cmd, LPSECURITY_ATTRIBUTES pa, LPSECURITY_ATTRIBUTES ta,
                                BOOL, DWORD flags, LPVOID env, LPCWSTR dir, LPSTARTUPINFOW si,
                                LPPROCESS_INFORMATION pi) {
  auto tok = tokenFromHandle(token);
  if (!tok)
    return failWith(ERROR_INVALID_HANDLE);
  if (tok->token.type != rt::TokenType::Primary)
    return failWith(ERROR_BAD_TOKEN_TYPE); // Windows wants a primary token here
  if (!(tok->access & TOKEN_ASSIGN_PRIMARY) || !(tok->access & TOKEN_DUPLICATE))
    return failWith(ERROR_ACCESS_DENIED);
  if (securityDescriptorGiven(pa) || securityDescriptorGiven(ta))
    return failWith(ERROR_NOT_SUPPORTED);
  ProcessArgs a{app ? app : L"", cmd ? cmd : L"", flags, env, dir ? dir : L"", dir != nullptr,
                si ? si->dwFlags : 0u,
                {si ? si->hStdInput : nullptr, si ? si->hStdOutput : nullptr,
                 si ? si->hStdError : nullptr}};
  return createProcess("CreateProcessAsUserW", file, line, a, pi, &tok->token);
}

UINT ImpRt_WinExec(const char *file, int line, LPCSTR cmd, UINT) {
  if (!cmd)
    return 0;
  ProcessArgs a{L"", wide(cmd), 0, nullptr, L"", false, 0u, {nullptr, nullptr, nullptr}};
  PROCESS_INFORMATION pi;
  if (!createProcess("WinExec", file, line, a, &pi, nullptr)) {
    DWORD err = GetLastError();
    return err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND ? err
           : err == ERROR_BAD_EXE_FORMAT ? ERROR_BAD_FORMAT
                                         : 0;
  }
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  return 33; // > 31: success
}

int ImpRt_system(const char *file, int line, const char *command) {
  if (!command)
    return 1; // a command processor exists
  rt::Actor creatorActor = rt::actor();
  rt::Identity creator = rt::current();
  SpawnSpec spec;
  spec.program = "/bin/sh";
  spec.argv = {"sh", "-c", command};
  SpawnOutcome o;
  if (rt::Status s = rt::checkCanOpenObjects(); !s.ok())
    o.error = s.error().code;
  else
    o = spawnProcess(spec);
  monitor::recordAccess("system", file, static_cast<unsigned>(line), command, o.error);
  monitor::recordSpawnFrom("system", file, static_cast<unsigned>(line), command, o.error == 0,
                           o.error, o.child, creatorActor, creator);
  if (o.error) {
    errno = ENOENT;
    return -1;
  }
  int status;
  while (waitpid(o.pid, &status, 0) < 0) {
    if (errno != EINTR)
      return -1;
  }
  return static_cast<int>(exitCodeOf(status)); // Windows returns the command's exit code
}

int ImpRt__wsystem(const char *file, int line, const wchar_t *command) {
  if (!command)
    return ImpRt_system(file, line, nullptr);
  std::string c = rt::toUtf8(command);
  return ImpRt_system(file, line, c.c_str());
}

HANDLE ImpRt_CreateThread(const char *file, int line, LPSECURITY_ATTRIBUTES sa, SIZE_T stack,
                          LPTHREAD_START_ROUTINE start, LPVOID arg, DWORD flags, LPDWORD tid) {
  if (!start) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return nullptr;
  }
  if (securityDescriptorGiven(sa) || (flags & ~static_cast<DWORD>(CREATE_SUSPENDED | 0x00010000))) {
    SetLastError(ERROR_NOT_SUPPORTED); // 0x10000: STACK_SIZE_PARAM_IS_A_RESERVATION
    return nullptr;
  }
  auto st = std::make_shared<ThreadState>();
  st->routine = start;
  st->arg = arg;
  return startThread("CreateThread", file, line, stack, std::move(st), flags, tid);
}

uintptr_t ImpRt__beginthreadex(const char *file, int line, void *security, unsigned stack,
                               unsigned (*start)(void *), void *arg, unsigned flags,
                               unsigned *tid) {
  if (!start || security || (flags & ~static_cast<unsigned>(CREATE_SUSPENDED))) {
    errno = EINVAL;
    return 0;
  }
  auto st = std::make_shared<ThreadState>();
  st->routineEx = start;
  st->arg = arg;
  DWORD t = 0;
  HANDLE h = startThread("_beginthreadex", file, line, stack, std::move(st), flags, &t);
  if (tid)
    *tid = t;
  return reinterpret_cast<uintptr_t>(h);
}

BOOL ImpRt_QueueUserWorkItem(const char *file, int line, LPTHREAD_START_ROUTINE fn, PVOID ctx,
                             ULONG flags) {
  if (!fn)
    return failWith(ERROR_INVALID_PARAMETER);
  if (flags & ~static_cast<ULONG>(WT_EXECUTELONGFUNCTION))
    return failWith(ERROR_NOT_SUPPORTED);
  rt::Actor creatorActor = rt::actor();
  rt::Identity creator = rt::current();
  auto report = std::make_shared<ThreadState>();
  Pool &p = pool();
  {
    std::lock_guard<std::mutex> lock(p.mutex);
    p.queue.push_back(WorkItem{fn, ctx, report});
    if (p.idle < static_cast<int>(p.queue.size()))
      std::thread(poolWorker).detach(); // nobody free: one more pool thread
  }
  p.cv.notify_one();
  // Wait until a pool thread takes the item, to record whom it really runs as.
  std::unique_lock<std::mutex> lock(report->mutex);
  report->cv.wait(lock, [&] { return report->reported; });
  rt::Identity child = report->identity;
  lock.unlock();
  monitor::recordSpawnFrom("QueueUserWorkItem", file, static_cast<unsigned>(line), "", true, 0,
                           child, creatorActor, creator);
  return TRUE;
}

DWORD ResumeThread(HANDLE h) {
  auto t = lookupAs<ThreadObject>(h, Kind::Thread);
  if (!t) {
    SetLastError(ERROR_INVALID_HANDLE);
    return static_cast<DWORD>(-1);
  }
  ThreadState &st = *t->state;
  std::unique_lock<std::mutex> lock(st.mutex);
  if (!st.suspended || st.resumed)
    return 0;
  st.resumed = true;
  st.cv.notify_all();
  st.cv.wait(lock, [&] { return st.reported; });
  rt::Identity child = st.identity;
  lock.unlock();
  // The spawn happens now: record it at the creating call, with the creator as it was.
  monitor::recordSpawnFrom(st.api, st.file, st.line, "", true, 0, child, st.creatorActor,
                           st.creator);
  return 1;
}

BOOL GetExitCodeThread(HANDLE h, LPDWORD code) {
  auto t = lookupAs<ThreadObject>(h, Kind::Thread);
  if (!t && lookupAs<ProcessObject>(h, Kind::Process))
    return GetExitCodeProcess(h, code); // a process's hThread: its only thread
  if (!t)
    return failWith(ERROR_INVALID_HANDLE);
  if (!code)
    return failWith(ERROR_INVALID_PARAMETER);
  threadExitCode(*t->state, code);
  return TRUE;
}

BOOL GetExitCodeProcess(HANDLE h, LPDWORD code) {
  auto p = lookupAs<ProcessObject>(h, Kind::Process);
  if (!p)
    return failWith(ERROR_INVALID_HANDLE);
  if (!code)
    return failWith(ERROR_INVALID_PARAMETER);
  std::lock_guard<std::mutex> lock(p->mutex);
  *code = reap(*p, false) ? p->exitCode : STILL_ACTIVE;
  return TRUE;
}

BOOL TerminateProcess(HANDLE h, UINT code) {
  if (h == currentProcessPseudo())
    ExitProcess(code);
  auto p = lookupAs<ProcessObject>(h, Kind::Process);
  if (!p)
    return failWith(ERROR_INVALID_HANDLE);
  std::lock_guard<std::mutex> lock(p->mutex);
  if (p->reaped)
    return failWith(ERROR_ACCESS_DENIED); // Windows: the process has already exited
  if (kill(p->pid, SIGKILL) != 0)
    return failWith(lastErrorFromErrno(errno));
  p->terminatedWith = code;
  return TRUE;
}

DWORD GetProcessId(HANDLE h) {
  if (h == currentProcessPseudo())
    return static_cast<DWORD>(getpid());
  auto p = lookupAs<ProcessObject>(h, Kind::Process);
  if (!p) {
    SetLastError(ERROR_INVALID_HANDLE);
    return 0;
  }
  return static_cast<DWORD>(p->pid);
}

} // extern "C"
