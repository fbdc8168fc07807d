// Label "validation": for every runnable test input, the static checks' verdict equals what
// the runtime observed when the service really ran.
//
// A verdict is a set of (check, line): the begin's line for missing-revert and
// unchecked-result, the call's line for primary-token-access and spawn-while-impersonating,
// and, for a missing revert through a revert helper, the line of the helper's name.
// The static verdict is the warnings of the four checks (`-*,impersonation-*`) run in
// process over the file; the runtime verdict is the monitor's findings for the file when its
// scenario program (tests/validation/scenarios/) runs the service with real accounts.
//
// A leak through a revert helper: the checks report a function that ends impersonation for
// its callers but returns without reverting on some path at the function itself (the line
// of its name), not at its callers' begins. The monitor knows the call frames (the scenario
// programs are built with -finstrument-functions) and learns that a function is a revert
// helper when it sees the function end an impersonation that a function further up the
// stack began; when such a helper returns with an impersonation still in force and the
// request ends with it, the monitor reports the leak about the helper: `FINDING
// impersonation-missing-revert <file>:<line> function=<name> ...`, <line> being the revert
// inside the helper it saw (lib/include/impersonation/monitor.h). The runtime verdict counts
// such a finding at the name line of the definition in the input that has that name and
// contains <line> (read from the input's AST, where the checks take it from). Every other
// finding counts at its own line. A helper the monitor never saw revert (at any time in the
// run) is not known to it: its leak stays at the begin, so a scenario also shows the helper
// reverting (tests/README.md). The monitor cannot see why a helper skipped: the rule agrees
// with the checks for a helper whose skip its callers do not decide (a configuration
// global, a process-mode query); for a skip the caller asks for (an argument, a flag it
// forgot to set) the checks blame the caller's begin, and such an input would disagree.
//
// Each scenario also reports what really happened: controls (the runtime allows and denies
// as the kernel says), and harm (bob's data in alice's hands, a worker left as alice, a
// child run as root). A -buggy input must do harm, a -fixed one must not. The program prints
// a table of every input it ran at the end.
#include "Expectations.h"
#include "InProcessRunner.h"
#include "Process.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstdio>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#ifndef IMPERSONATION_TEST_INPUTS_DIR
#error "IMPERSONATION_TEST_INPUTS_DIR must be defined"
#endif

namespace impersonation::test {
namespace {

using llvm::StringRef;

// The scenario program of each runnable input, relative path -> executable (CMake).
struct ScenarioProgram {
  const char *Input;
  const char *Program;
};
const ScenarioProgram kScenarioPrograms[] = {
#include "ValidationScenarios.inc"
    {nullptr, nullptr}};

// The directories below test-inputs/ whose inputs are runnable.
const char *const kRunnableDirs[] = {"examples", "runnable"};

std::string inputsRoot() { return testInputsRoot(IMPERSONATION_TEST_INPUTS_DIR); }

std::string relativeToRoot(StringRef Path) {
  std::string Root = inputsRoot();
  StringRef Rel = Path;
  if (Rel.consume_front(Root))
    Rel = Rel.ltrim('/');
  return Rel.str();
}

const std::vector<InputFile> &runnableInputs() {
  static const std::vector<InputFile> Files = [] {
    std::vector<std::string> Paths;
    for (const char *Dir : kRunnableDirs) {
      std::vector<std::string> Found = findTestInputs(inputsRoot() + "/" + Dir);
      Paths.insert(Paths.end(), Found.begin(), Found.end());
    }
    std::sort(Paths.begin(), Paths.end());
    return namedInputs(inputsRoot(), Paths);
  }();
  return Files;
}

std::string scenarioProgram(const std::string &Rel) {
  for (const ScenarioProgram *P = kScenarioPrograms; P->Input; ++P)
    if (Rel == P->Input)
      return P->Program;
  return "";
}

// ---- verdicts ----------------------------------------------------------------------------

using Verdict = std::set<std::pair<std::string, unsigned>>; // (check, line)

std::string shortCheck(StringRef Check) {
  Check.consume_front("impersonation-");
  return Check.str();
}

std::string show(const Verdict &V) {
  if (V.empty())
    return "-";
  std::string S;
  for (const auto &[Check, Line] : V)
    S += (S.empty() ? "" : ", ") + shortCheck(Check) + ":" + std::to_string(Line);
  return S;
}

// A FINDING line of the monitor for the input file.
struct RuntimeFinding {
  std::string Check;
  unsigned Line = 0;    // where the facade recorded the call, or a revert inside Function
  std::string Function; // `function=<name>`: the finding is about that function
};

// What a scenario program printed.
struct RuntimeReport {
  std::vector<RuntimeFinding> Findings;  // for the input file only
  std::vector<std::string> FindingLines; // all FINDING lines, as printed
  std::vector<std::string> Harms, Controls, FailedControls, Observations, Errors;
  std::string Skip;
};

RuntimeReport parseReport(StringRef Out, StringRef InputPath) {
  RuntimeReport R;
  StringRef Base = llvm::sys::path::filename(InputPath);
  llvm::SmallVector<StringRef, 64> Lines;
  Out.split(Lines, '\n', -1, false);
  for (StringRef L : Lines) {
    L = L.rtrim("\r");
    auto [Tag, Rest] = L.split(' ');
    if (Tag == "FINDING") {
      R.FindingLines.push_back(Rest.str());
      // FINDING <check> <file>:<line> [function=<name>] <detail>
      auto [Check, AfterCheck] = Rest.split(' ');
      auto [Where, Detail] = AfterCheck.split(' ');
      size_t Colon = Where.rfind(':');
      unsigned Line = 0;
      if (Colon == StringRef::npos || Where.substr(Colon + 1).getAsInteger(10, Line))
        continue;
      StringRef Function;
      if (Detail.consume_front("function="))
        Function = Detail.split(' ').first;
      // The facade records the line each call starts on, where the checks report it.
      if (llvm::sys::path::filename(Where.substr(0, Colon)) == Base)
        R.Findings.push_back({Check.str(), Line, Function.str()});
    } else if (Tag == "HARM") {
      R.Harms.push_back(Rest.str());
    } else if (Tag == "CONTROL") {
      auto [Status, Text] = Rest.split(' ');
      (Status == "ok" ? R.Controls : R.FailedControls).push_back(Text.str());
    } else if (Tag == "OBSERVE") {
      R.Observations.push_back(Rest.str());
    } else if (Tag == "ERROR") {
      R.Errors.push_back(Rest.str());
    } else if (Tag == "SKIP") {
      R.Skip = Rest.str();
    }
  }
  return R;
}

// ---- findings about a function -----------------------------------------------------------

// A function definition of the input: its name, the line of its name (where the checks
// report a function) and the lines it spans.
struct FunctionDefinition {
  std::string Name;
  unsigned NameLine = 0, FirstLine = 0, LastLine = 0;
};

class DefinitionCollector : public clang::RecursiveASTVisitor<DefinitionCollector> {
public:
  DefinitionCollector(const clang::SourceManager &SM, std::vector<FunctionDefinition> &Out)
      : SM(SM), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }
  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || !FD->getDeclName().isIdentifier())
      return true;
    clang::SourceLocation Name = SM.getExpansionLoc(FD->getLocation());
    if (!SM.isWrittenInMainFile(Name))
      return true;
    Out.push_back({FD->getName().str(), SM.getExpansionLineNumber(FD->getLocation()),
                   SM.getExpansionLineNumber(FD->getBeginLoc()),
                   SM.getExpansionLineNumber(FD->getEndLoc())});
    return true;
  }

private:
  const clang::SourceManager &SM;
  std::vector<FunctionDefinition> &Out;
};

// The function definitions of the input, parsed with its own arguments as the checks parse
// it. Empty (and \p Error set) when it does not parse.
std::vector<FunctionDefinition> functionDefinitions(const TestInput &In, std::string &Error) {
  std::vector<std::string> Args = In.Args;
  bool HasResourceDir = false;
  for (const std::string &A : Args)
    HasResourceDir |= StringRef(A).starts_with("-resource-dir");
  if (!HasResourceDir)
    Args.push_back("-resource-dir=" IMPERSONATION_CLANG_RESOURCE_DIR);
  llvm::SmallString<256> Dir(In.Path);
  llvm::sys::path::remove_filename(Dir);
  clang::tooling::FixedCompilationDatabase DB(Dir, Args);
  clang::tooling::ClangTool Tool(DB, {In.Path});
  clang::IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  std::vector<std::unique_ptr<clang::ASTUnit>> ASTs;
  std::vector<FunctionDefinition> Out;
  if (Tool.buildASTs(ASTs) != 0 || ASTs.size() != 1) {
    Error = "cannot parse " + In.Path + " for its function definitions";
    return Out;
  }
  clang::ASTContext &Ctx = ASTs[0]->getASTContext();
  DefinitionCollector(Ctx.getSourceManager(), Out).TraverseDecl(Ctx.getTranslationUnitDecl());
  return Out;
}

// The runtime verdict: each finding at its line, a finding about a function at the line of
// that function's name (see the comment at the top). \p Notes says what could not be placed.
Verdict runtimeVerdict(const TestInput &In, const std::vector<RuntimeFinding> &Findings,
                       std::string &Notes) {
  Verdict V;
  std::vector<FunctionDefinition> Definitions;
  bool Parsed = false;
  for (const RuntimeFinding &F : Findings) {
    unsigned Line = F.Line;
    if (!F.Function.empty()) {
      if (!Parsed) {
        std::string Error;
        Definitions = functionDefinitions(In, Error);
        Parsed = true;
        if (!Error.empty())
          Notes += Error + "\n";
      }
      const FunctionDefinition *Found = nullptr;
      for (const FunctionDefinition &D : Definitions)
        if (D.Name == F.Function && D.FirstLine <= F.Line && F.Line <= D.LastLine)
          Found = &D;
      if (Found)
        Line = Found->NameLine;
      else
        Notes += "no definition of '" + F.Function + "' in the input contains line " +
                 std::to_string(F.Line) + ": the finding about it stays at that line\n";
    }
    V.insert({F.Check, Line});
  }
  return V;
}

// ---- the table ------------------------------------------------------------------------

struct Row {
  std::string File;
  std::string Static, Runtime;
  std::vector<std::string> Harms;
  std::string Agree; // "yes", "NO", "skipped", "error"
};

std::vector<Row> &rows() {
  static std::vector<Row> R;
  return R;
}

std::string pad(const std::string &S, size_t Width) {
  return S.size() >= Width ? S : S + std::string(Width - S.size(), ' ');
}

void printTable() {
  const std::vector<Row> &Rs = rows();
  if (Rs.empty())
    return;
  const std::string Head[4] = {"file", "static findings", "runtime observations", "agree"};
  size_t W[4] = {Head[0].size(), Head[1].size(), Head[2].size(), Head[3].size()};
  auto runtimeCell = [](const Row &R) {
    return R.Runtime + (R.Harms.empty() ? "" : " (harm: " + std::to_string(R.Harms.size()) + ")");
  };
  for (const Row &R : Rs) {
    W[0] = std::max(W[0], R.File.size());
    W[1] = std::max(W[1], R.Static.size());
    W[2] = std::max(W[2], runtimeCell(R).size());
    W[3] = std::max(W[3], R.Agree.size());
  }
  std::ostringstream OS;
  OS << "\nValidation: each service ran against the impersonation runtime with real test "
        "accounts.\nstatic findings: the checks' warnings; runtime observations: what the "
        "runtime's monitor saw happen (check:line)\n\n";
  OS << pad(Head[0], W[0]) << " | " << pad(Head[1], W[1]) << " | " << pad(Head[2], W[2])
     << " | " << Head[3] << "\n";
  OS << std::string(W[0], '-') << "-|-" << std::string(W[1], '-') << "-|-"
     << std::string(W[2], '-') << "-|-" << std::string(W[3], '-') << "\n";
  size_t Agreeing = 0, Skipped = 0;
  for (const Row &R : Rs) {
    OS << pad(R.File, W[0]) << " | " << pad(R.Static, W[1]) << " | "
       << pad(runtimeCell(R), W[2]) << " | " << R.Agree << "\n";
    Agreeing += R.Agree == "yes";
    Skipped += R.Agree == "skipped";
  }
  OS << Agreeing << " of " << Rs.size() - Skipped << " agree";
  if (Skipped)
    OS << "; " << Skipped << " not run (the runtime needs root: see the skip reasons above)";
  OS << ".\n";
  bool AnyHarm = false;
  for (const Row &R : Rs)
    AnyHarm |= !R.Harms.empty();
  if (AnyHarm) {
    OS << "\nWhat really happened (harm observed):\n";
    for (const Row &R : Rs)
      for (const std::string &H : R.Harms)
        OS << "  " << R.File << ": " << H << "\n";
  }
  std::fputs(OS.str().c_str(), stdout);
  std::fflush(stdout);
}

class TableAtExit : public ::testing::Environment {
public:
  void TearDown() override { printTable(); }
};
[[maybe_unused]] ::testing::Environment *const kTableAtExit =
    ::testing::AddGlobalTestEnvironment(new TableAtExit);

std::string describe(const RuntimeReport &, const ProcessResult &P) {
  std::string S = "scenario output:\n" + P.Out;
  if (!P.Err.empty())
    S += "\nscenario stderr:\n" + P.Err;
  return S;
}

// ---- the test -------------------------------------------------------------------------

class Validation : public ::testing::TestWithParam<InputFile> {};

TEST_P(Validation, RuntimeAgreesWithStatic) {
  const InputFile &F = GetParam();
  const std::string Rel = relativeToRoot(F.Path);
  Row Result{Rel, "?", "?", {}, "error"};
  struct Record {
    Row &R;
    ~Record() { rows().push_back(R); }
  } Recorder{Result};

  const std::string Program = scenarioProgram(Rel);
  ASSERT_FALSE(Program.empty())
      << Rel << " has no scenario program: add tests/validation/scenarios/<scenario>.cpp "
      << "(the file name without -buggy/-fixed) and configure again";

  // The static verdict: all four checks, in process.
  TestInput In;
  std::string Error;
  ASSERT_TRUE(loadTestInput(F.Path, In, Error)) << Error;
  ASSERT_TRUE(In.Problems.empty()) << describeProblems(In);
  In.Checks = DefaultChecks;
  InProcessResult S = runInProcess(In);
  ASSERT_TRUE(S.SetupError.empty()) << S.SetupError;
  Verdict Static;
  for (const Diag &D : S.Diags) {
    ASSERT_NE(D.Kind, DiagKind::Error) << formatDiag(D);
    if (D.Kind == DiagKind::Warning && sameFile(D.File, In.Path))
      Static.insert({D.Check, D.Line});
  }
  Result.Static = show(Static);

  // The runtime verdict: the scenario program, with real accounts.
  ProcessResult P = runProcess({Program}, "/", std::chrono::seconds(120));
  RuntimeReport R = parseReport(P.Out, F.Path);
  if (P.exitedNormally() && P.ExitCode == 77) {
    Result.Runtime = "skipped";
    Result.Agree = "skipped";
    GTEST_SKIP() << Rel << ": the scenario cannot run here: " << R.Skip
                 << " (the validation suite impersonates test accounts; run it as root)";
  }
  std::string PlacementNotes;
  Verdict Runtime = runtimeVerdict(In, R.Findings, PlacementNotes);
  Result.Runtime = show(Runtime);
  Result.Harms = R.Harms;
  ASSERT_TRUE(P.exitedNormally()) << Program << ": " << P.status() << "\n" << describe(R, P);
  ASSERT_TRUE(R.Errors.empty()) << Program << " could not set itself up\n" << describe(R, P);
  ASSERT_TRUE(R.FailedControls.empty() && P.ExitCode == 0)
      << Program << ": a control failed, so the runtime does not behave as the kernel and "
      << "Windows would (exit " << P.ExitCode << ")\n"
      << describe(R, P);
  ASSERT_FALSE(R.Controls.empty()) << Program << " checked no control\n" << describe(R, P);

  StringRef Stem = llvm::sys::path::stem(F.Path);
  if (Stem.ends_with("-buggy"))
    EXPECT_FALSE(R.Harms.empty()) << Rel << ": the buggy service did no observable harm\n"
                                  << describe(R, P);
  else if (Stem.ends_with("-fixed"))
    EXPECT_TRUE(R.Harms.empty()) << Rel << ": the fixed service still did harm\n"
                                 << describe(R, P);

  Result.Agree = Static == Runtime ? "yes" : "NO";
  EXPECT_EQ(show(Static), show(Runtime))
      << Rel << ": the static verdict (left) differs from the runtime's (right)\n"
      << PlacementNotes << describe(R, P);
}

INSTANTIATE_TEST_SUITE_P(Runnable, Validation, ::testing::ValuesIn(runnableInputs()),
                         inputName<::testing::TestParamInfo<InputFile>>);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Validation);

// Every runnable input comes as a buggy/fixed pair, and there are enough of them.
TEST(ValidationInputs, ArePairs) {
  std::set<std::string> Buggy, Fixed;
  for (const InputFile &F : runnableInputs()) {
    std::string Rel = relativeToRoot(F.Path);
    StringRef Stem = llvm::sys::path::stem(Rel);
    std::string Key = (llvm::sys::path::parent_path(Rel) + "/" +
                       Stem.drop_back(std::min<size_t>(Stem.size(), 6)))
                          .str();
    if (Stem.ends_with("-buggy"))
      Buggy.insert(Key);
    else if (Stem.ends_with("-fixed"))
      Fixed.insert(Key);
    else
      ADD_FAILURE() << Rel << ": a runnable input's name ends in -buggy or -fixed";
  }
  EXPECT_EQ(Buggy, Fixed) << "every -buggy input has its -fixed version and back";
  EXPECT_GE(Buggy.size(), 8u) << "at least 8 buggy/fixed pairs";
}

} // namespace
} // namespace impersonation::test
