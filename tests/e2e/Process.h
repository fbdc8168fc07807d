// Child processes for the end-to-end tests: run-to-completion with captured output, and a
// long-lived child spoken to over stdin/stdout (a language server). posix_spawn + pipes.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace impersonation::test {

struct ProcessResult {
  std::string StartError; // non-empty: the program could not be started
  bool TimedOut = false;  // killed by us after the timeout
  int ExitCode = -1;      // when it exited normally
  int Signal = 0;         // when a signal ended it
  std::string Out, Err;

  bool exitedNormally() const { return StartError.empty() && !TimedOut && Signal == 0; }
  /// "exit status 1", "killed by signal 11 (Segmentation fault)", "timed out after ..."
  std::string status() const;
};

/// Runs \p Argv (Argv[0] is a path) in \p Cwd with stdin from /dev/null, captures stdout
/// and stderr, kills it after \p Timeout.
ProcessResult runProcess(const std::vector<std::string> &Argv, const std::string &Cwd,
                         std::chrono::seconds Timeout,
                         const std::vector<std::string> &ExtraEnv = {});

/// A child whose stdin and stdout are pipes to us and whose stderr goes to a file.
class Child {
public:
  Child() = default;
  Child(const Child &) = delete;
  Child &operator=(const Child &) = delete;
  ~Child(); // kills the child if it still runs

  /// Starts \p Argv in \p Cwd; returns an error text, empty on success.
  std::string start(const std::vector<std::string> &Argv, const std::string &Cwd,
                    const std::string &StderrFile,
                    const std::vector<std::string> &ExtraEnv = {});
  bool write(const std::string &Data);
  /// Reads whatever is available into the buffer, waiting until \p Deadline at most.
  /// Returns false on EOF or error (and when the deadline passes with nothing read).
  bool readSome(std::chrono::steady_clock::time_point Deadline);
  std::string &buffer() { return Buf; }
  void closeStdin();
  /// Waits for the child to end until \p Deadline, then kills it.
  ProcessResult wait(std::chrono::steady_clock::time_point Deadline);

private:
  pid_t Pid = -1;
  int In = -1, Out = -1;
  std::string Buf;
};

} // namespace impersonation::test
