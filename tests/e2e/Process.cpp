#include "Process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace impersonation::test {

using Clock = std::chrono::steady_clock;

namespace {

int msUntil(Clock::time_point Deadline) {
  auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(Deadline - Clock::now());
  return Left.count() < 0 ? 0 : int(std::min<long long>(Left.count(), 1000 * 60 * 60));
}

struct SpawnSetup {
  posix_spawn_file_actions_t Actions;
  posix_spawnattr_t Attr;
  SpawnSetup() {
    posix_spawn_file_actions_init(&Actions);
    posix_spawnattr_init(&Attr);
    // The test ignores SIGPIPE; the child gets the default dispositions back.
    sigset_t Def;
    sigemptyset(&Def);
    sigaddset(&Def, SIGPIPE);
    posix_spawnattr_setsigdefault(&Attr, &Def);
    posix_spawnattr_setflags(&Attr, POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&Actions);
    posix_spawnattr_destroy(&Attr);
  }
};

std::string spawn(pid_t &Pid, SpawnSetup &S, const std::vector<std::string> &Argv,
                  const std::string &Cwd, const std::vector<std::string> &ExtraEnv) {
  if (!Cwd.empty())
    posix_spawn_file_actions_addchdir_np(&S.Actions, Cwd.c_str());
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  std::vector<char *> Env;
  for (char **E = environ; *E; ++E)
    Env.push_back(*E);
  for (const std::string &E : ExtraEnv)
    Env.push_back(const_cast<char *>(E.c_str()));
  Env.push_back(nullptr);
  int Err = posix_spawn(&Pid, Argv[0].c_str(), &S.Actions, &S.Attr, Args.data(), Env.data());
  if (Err != 0) {
    Pid = -1;
    return "cannot start " + Argv[0] + ": " + std::strerror(Err);
  }
  return {};
}

void finish(pid_t Pid, ProcessResult &R, Clock::time_point Deadline) {
  int Status = 0;
  for (;;) {
    pid_t W = waitpid(Pid, &Status, WNOHANG);
    if (W == Pid)
      break;
    if (W < 0 && errno != EINTR) {
      R.StartError = std::string("waitpid: ") + std::strerror(errno);
      return;
    }
    if (Clock::now() >= Deadline) {
      R.TimedOut = true;
      kill(Pid, SIGKILL);
      waitpid(Pid, &Status, 0);
      return;
    }
    usleep(10000);
  }
  if (WIFEXITED(Status))
    R.ExitCode = WEXITSTATUS(Status);
  else if (WIFSIGNALED(Status))
    R.Signal = WTERMSIG(Status);
}

} // namespace

std::string ProcessResult::status() const {
  if (!StartError.empty())
    return StartError;
  if (TimedOut)
    return "timed out (killed)";
  if (Signal)
    return "killed by signal " + std::to_string(Signal) + " (" + strsignal(Signal) + ")";
  return "exit status " + std::to_string(ExitCode);
}

ProcessResult runProcess(const std::vector<std::string> &Argv, const std::string &Cwd,
                         std::chrono::seconds Timeout,
                         const std::vector<std::string> &ExtraEnv) {
  ProcessResult R;
  const Clock::time_point Deadline = Clock::now() + Timeout;
  int OutP[2], ErrP[2];
  if (pipe2(OutP, O_CLOEXEC) || pipe2(ErrP, O_CLOEXEC)) {
    R.StartError = std::string("pipe: ") + std::strerror(errno);
    return R;
  }
  pid_t Pid;
  {
    SpawnSetup S;
    posix_spawn_file_actions_addopen(&S.Actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&S.Actions, OutP[1], 1);
    posix_spawn_file_actions_adddup2(&S.Actions, ErrP[1], 2);
    R.StartError = spawn(Pid, S, Argv, Cwd, ExtraEnv);
  }
  close(OutP[1]);
  close(ErrP[1]);
  if (!R.StartError.empty()) {
    close(OutP[0]);
    close(ErrP[0]);
    return R;
  }
  pollfd Fds[2] = {{OutP[0], POLLIN, 0}, {ErrP[0], POLLIN, 0}};
  std::string *Dest[2] = {&R.Out, &R.Err};
  int Open = 2;
  while (Open > 0 && Clock::now() < Deadline) {
    int N = poll(Fds, 2, msUntil(Deadline));
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    for (int I = 0; I < 2; ++I) {
      if (Fds[I].fd < 0 || !(Fds[I].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      char Chunk[65536];
      ssize_t Got = read(Fds[I].fd, Chunk, sizeof Chunk);
      if (Got > 0) {
        Dest[I]->append(Chunk, size_t(Got));
      } else if (Got == 0 || errno != EINTR) {
        close(Fds[I].fd);
        Fds[I].fd = -1;
        --Open;
      }
    }
  }
  for (pollfd &F : Fds)
    if (F.fd >= 0)
      close(F.fd);
  finish(Pid, R, Deadline);
  return R;
}

Child::~Child() {
  closeStdin();
  if (Out >= 0)
    close(Out);
  if (Pid > 0) {
    kill(Pid, SIGKILL);
    waitpid(Pid, nullptr, 0);
  }
}

std::string Child::start(const std::vector<std::string> &Argv, const std::string &Cwd,
                         const std::string &StderrFile,
                         const std::vector<std::string> &ExtraEnv) {
  int InP[2], OutP[2];
  if (pipe2(InP, O_CLOEXEC) || pipe2(OutP, O_CLOEXEC))
    return std::string("pipe: ") + std::strerror(errno);
  std::string Err;
  {
    SpawnSetup S;
    posix_spawn_file_actions_adddup2(&S.Actions, InP[0], 0);
    posix_spawn_file_actions_adddup2(&S.Actions, OutP[1], 1);
    posix_spawn_file_actions_addopen(&S.Actions, 2, StderrFile.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    Err = spawn(Pid, S, Argv, Cwd, ExtraEnv);
  }
  close(InP[0]);
  close(OutP[1]);
  In = InP[1];
  Out = OutP[0];
  if (!Err.empty()) {
    closeStdin();
    close(Out);
    Out = -1;
  }
  return Err;
}

bool Child::write(const std::string &Data) {
  size_t Done = 0;
  while (Done < Data.size()) {
    ssize_t N = ::write(In, Data.data() + Done, Data.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Done += size_t(N);
  }
  return true;
}

bool Child::readSome(Clock::time_point Deadline) {
  for (;;) {
    pollfd P = {Out, POLLIN, 0};
    int N = poll(&P, 1, msUntil(Deadline));
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    char Chunk[65536];
    ssize_t Got = read(Out, Chunk, sizeof Chunk);
    if (Got < 0 && errno == EINTR)
      continue;
    if (Got <= 0)
      return false;
    Buf.append(Chunk, size_t(Got));
    return true;
  }
}

void Child::closeStdin() {
  if (In >= 0)
    close(In);
  In = -1;
}

ProcessResult Child::wait(Clock::time_point Deadline) {
  ProcessResult R;
  closeStdin();
  if (Pid <= 0) {
    R.StartError = "not started";
    return R;
  }
  finish(Pid, R, Deadline);
  Pid = -1;
  return R;
}

} // namespace impersonation::test
