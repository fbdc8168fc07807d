// The test harness shared by tests/checks (in process) and tests/e2e (real programs):
// finding the test inputs, reading the directives written in them (RUN-*, CHECK-*),
// reading clang-tidy's text output, and comparing produced diagnostics with the
// expectations exactly, as a multiset. tests/README.md is the contract for the syntax.
#pragma once

#include "llvm/ADT/StringRef.h"
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace impersonation::test {

enum class DiagKind { Error, Warning, Remark, Note };

/// "error", "warning", "remark" or "note".
llvm::StringRef kindName(DiagKind K);

/// One diagnostic, produced or expected. Notes carry no check name.
struct Diag {
  DiagKind Kind = DiagKind::Warning;
  std::string File; // absolute path; empty when the diagnostic has no location
  unsigned Line = 0;
  std::string Message;
  std::string Check;
};

/// `file:line: kind: message [check]` (no ` [check]` for notes or an empty check).
std::string formatDiag(const Diag &D);

/// What a test-input file asks for.
struct TestInput {
  std::string Path;                // absolute
  std::vector<std::string> Args;   // compiler arguments (not the file), %S expanded
  bool HasRunFlags = false;        // Args come from RUN-FLAGS, not the defaults
  std::string Checks;              // RUN-CHECKS or the default
  std::vector<std::pair<std::string, std::string>> Options; // RUN-OPTION, in order
  std::vector<Diag> Expected;      // CHECK-*; File is Path
  std::vector<std::string> Problems; // malformed directives, `file:line: text`
};

/// The checks glob used when a file has no RUN-CHECKS.
inline constexpr const char *DefaultChecks = "-*,impersonation-*";

/// The default compiler arguments for a file (by extension).
std::vector<std::string> defaultArgs(llvm::StringRef Path);

/// Reads the directives of \p Text, the contents of the file at \p Path (absolute).
TestInput parseTestInput(llvm::StringRef Path, llvm::StringRef Text);

/// Reads the file and its directives. On a read error, returns false and sets \p Error.
bool loadTestInput(llvm::StringRef Path, TestInput &Out, std::string &Error);

/// Every test input under \p Root, recursively: files ending .c .cpp .cc, skipping
/// directories named `include` or `headers` (and hidden files and directories).
/// Sorted, absolute.
std::vector<std::string> findTestInputs(llvm::StringRef Root);

/// A gtest-safe name for \p Path relative to \p Root: `examples/rpc-svc.c` ->
/// `examples_rpc_svc_c`.
std::string testNameFor(llvm::StringRef Root, llvm::StringRef Path);

/// Makes the names of \p Names unique by appending _2, _3, ... to repeats.
void uniquifyNames(std::vector<std::string> &Names);

/// The root of the test inputs: IMPERSONATION_TEST_INPUTS from the environment if set,
/// else \p Default (the directory CMake passed in).
std::string testInputsRoot(const char *Default);

/// A test input and its unique gtest name (relative to the inputs' root).
struct InputFile {
  std::string Path;
  std::string Name;
};
std::vector<InputFile> namedInputs(llvm::StringRef Root,
                                   const std::vector<std::string> &Paths);
/// For gtest's parameter printing and naming.
void PrintTo(const InputFile &F, std::ostream *OS);
template <typename ParamInfo> std::string inputName(const ParamInfo &I) {
  return I.param.Name;
}

/// The result of comparing produced diagnostics with expectations.
struct Comparison {
  std::vector<Diag> Missing;    // expected, not produced
  std::vector<Diag> Unexpected; // produced, not expected (incl. other files, errors)
  std::vector<Diag> Errors;     // produced compiler errors (also in Unexpected)
  bool ok() const { return Missing.empty() && Unexpected.empty(); }
};

/// Whether \p D is a note of clang's macro backtrace ("expanded from macro 'X'"), which
/// clang adds to any diagnostic located in a macro expansion; it says nothing the check
/// said and usually points into a header.
bool isMacroBacktraceNote(const Diag &D);

/// Compares as multisets by (kind, line, message, check; notes without check). A produced
/// diagnostic outside \p InputPath never matches. Macro backtrace notes are ignored.
Comparison compareDiags(const std::vector<Diag> &Expected,
                        const std::vector<Diag> &Produced, llvm::StringRef InputPath);

/// A readable failure report of \p C (empty when it is ok).
std::string describe(const Comparison &C, llvm::StringRef InputPath);

/// The problems of \p In as one report (empty when there are none).
std::string describeProblems(const TestInput &In);

/// Reads clang-tidy's text output (stdout): `file:line:col: kind: message [check]` lines
/// and location-less `kind: message [check]` lines; everything else (source excerpts,
/// carets, fix-its, "In file included from") is skipped. Paths are made absolute against
/// \p Cwd.
std::vector<Diag> parseClangTidyOutput(llvm::StringRef Output, llvm::StringRef Cwd);

/// Whether two paths name the same file (same string, or same file on disk).
bool sameFile(llvm::StringRef A, llvm::StringRef B);

/// Line number (1-based) of byte \p Offset in \p Text.
unsigned lineOfOffset(llvm::StringRef Text, unsigned Offset);

} // namespace impersonation::test
