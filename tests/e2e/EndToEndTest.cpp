// End to end: the real programs, run as users run them, on the bundled example services
// (test-inputs/examples/), compared exactly with the expectations written in the files.
//   - stock clang-tidy-22 --load=ImpersonationTidyModule.so
//   - impersonation-tidy
//   - impersonation-clangd over a real LSP exchange, configured by the .clangd snippet
//     of docs/user-guide.md (taken verbatim)
//   - clang-tidy-14 --load=...: refused with one clear line, no crash
#include "Expectations.h"
#include "Process.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <map>
#include <gtest/gtest.h>
#include <unistd.h>

#if !defined(IMPERSONATION_SOURCE_DIR) || !defined(IMPERSONATION_TEST_INPUTS_DIR) ||        \
    !defined(IMPERSONATION_PLUGIN) || !defined(IMPERSONATION_TIDY) ||                        \
    !defined(IMPERSONATION_CLANGD) || !defined(IMPERSONATION_CLANG_TIDY_22) ||              \
    !defined(IMPERSONATION_CLANG_TIDY_14)
#error "tests/CMakeLists.txt passes the paths of the programs under test"
#endif

namespace impersonation::test {
namespace {

using Clock = std::chrono::steady_clock;
using llvm::StringRef;
namespace json = llvm::json;

// Writing to a language server that died must fail the test, not kill it.
[[maybe_unused]] const bool IgnoreSigpipe = (std::signal(SIGPIPE, SIG_IGN), true);

constexpr std::chrono::seconds ToolTimeout{120};
constexpr std::chrono::seconds ClangdDiagnosticsTimeout{60};

std::string inputsRoot() { return testInputsRoot(IMPERSONATION_TEST_INPUTS_DIR); }

std::string examplesDir() { return inputsRoot() + "/examples"; }

bool hasExpectations(const std::string &Path) {
  TestInput In;
  std::string Error;
  return loadTestInput(Path, In, Error) && In.Problems.empty() &&
         llvm::any_of(In.Expected,
                      [](const Diag &D) { return D.Kind == DiagKind::Warning; });
}

// Every file in test-inputs/examples/; while there are none, every test input with a
// CHECK-WARNING (Examples.DirectoryHasFiles fails meanwhile).
const std::vector<InputFile> &e2eInputs() {
  static const std::vector<InputFile> Files = [] {
    std::vector<std::string> Paths = findTestInputs(examplesDir());
    if (Paths.empty())
      for (const std::string &P : findTestInputs(inputsRoot()))
        if (hasExpectations(P))
          Paths.push_back(P);
    return namedInputs(inputsRoot(), Paths);
  }();
  return Files;
}

constexpr auto nameOf = inputName<::testing::TestParamInfo<InputFile>>;

std::string dirOf(StringRef Path) { return llvm::sys::path::parent_path(Path).str(); }

std::string joinArgs(const std::vector<std::string> &Argv) {
  std::string S;
  for (const std::string &A : Argv) {
    if (!S.empty())
      S += ' ';
    bool Plain = !A.empty() && A.find_first_of(" \t'\"\\$`{}*") == std::string::npos;
    S += Plain ? A : "'" + A + "'";
  }
  return S;
}

// A YAML single-quoted scalar.
std::string yamlQuote(StringRef S) {
  std::string Out = "'";
  for (char C : S)
    Out += C == '\'' ? std::string("''") : std::string(1, C);
  return Out + "'";
}

// The --config for clang-tidy: the file's RUN-OPTIONs, and nothing from .clang-tidy files
// that may sit above the test inputs.
std::string tidyConfig(const TestInput &In) {
  std::string S = "{CheckOptions: {";
  for (size_t I = 0; I < In.Options.size(); ++I)
    S += (I ? ", " : "") + yamlQuote(In.Options[I].first) + ": " +
         yamlQuote(In.Options[I].second);
  return S + "}}";
}

std::string tail(const std::string &Text, size_t MaxLines) {
  size_t Pos = Text.size();
  for (size_t N = 0; N <= MaxLines && Pos != std::string::npos && Pos > 0; ++N)
    Pos = Text.rfind('\n', Pos - 1);
  return Pos == std::string::npos || Pos == 0 ? Text : Text.substr(Pos + 1);
}

// ---- clang-tidy front ends ------------------------------------------------------------

void runTidyFrontEnd(const InputFile &F, const std::vector<std::string> &Tool) {
  TestInput In;
  std::string Error;
  ASSERT_TRUE(loadTestInput(F.Path, In, Error)) << Error;
  ASSERT_TRUE(In.Problems.empty()) << describeProblems(In);

  std::vector<std::string> Argv = Tool;
  Argv.push_back("--checks=" + In.Checks);
  Argv.push_back("--config=" + tidyConfig(In));
  Argv.push_back(In.Path);
  Argv.push_back("--");
  Argv.insert(Argv.end(), In.Args.begin(), In.Args.end());
  const std::string Cwd = dirOf(In.Path);
  ProcessResult R = runProcess(Argv, Cwd, ToolTimeout);
  const std::string Ran = "ran (in " + Cwd + "): " + joinArgs(Argv) + "\n";
  ASSERT_TRUE(R.exitedNormally()) << Ran << R.status() << "\nstderr:\n"
                                  << tail(R.Err, 40) << "\nstdout:\n"
                                  << tail(R.Out, 40);

  std::vector<Diag> Produced = parseClangTidyOutput(R.Out, Cwd);
  Comparison C = compareDiags(In.Expected, Produced, In.Path);
  EXPECT_TRUE(C.ok()) << Ran << F.Path << ": diagnostics differ from the expectations\n"
                      << describe(C, In.Path) << "stderr:\n"
                      << tail(R.Err, 20);
  EXPECT_EQ(R.ExitCode, 0) << Ran << "stderr:\n" << tail(R.Err, 40);
}

class ClangTidy22Plugin : public ::testing::TestWithParam<InputFile> {};
TEST_P(ClangTidy22Plugin, Matches) {
  ASSERT_STRNE(IMPERSONATION_CLANG_TIDY_22, "") << "clang-tidy-22 was not found at configure time";
  runTidyFrontEnd(GetParam(), {IMPERSONATION_CLANG_TIDY_22, "--load=" IMPERSONATION_PLUGIN});
}
INSTANTIATE_TEST_SUITE_P(Examples, ClangTidy22Plugin, ::testing::ValuesIn(e2eInputs()), nameOf);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ClangTidy22Plugin);

class ImpersonationTidy : public ::testing::TestWithParam<InputFile> {};
TEST_P(ImpersonationTidy, Matches) { runTidyFrontEnd(GetParam(), {IMPERSONATION_TIDY}); }
INSTANTIATE_TEST_SUITE_P(Examples, ImpersonationTidy, ::testing::ValuesIn(e2eInputs()), nameOf);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ImpersonationTidy);

TEST(Examples, DirectoryHasFiles) {
  EXPECT_FALSE(findTestInputs(examplesDir()).empty())
      << "no example services (*.c, *.cpp, *.cc) in " << examplesDir()
      << "; the end-to-end tests ran on " << e2eInputs().size()
      << " other test input(s) with CHECK-WARNING expectations instead";
}

// ---- clangd over LSP --------------------------------------------------------------------

constexpr StringRef ClangdConfigMarker = "<!-- clangd-config -->";

std::string userGuidePath() { return std::string(IMPERSONATION_SOURCE_DIR) + "/docs/user-guide.md"; }

// The first fenced code block after the line holding the marker, verbatim (less the
// fence's own indentation, as Markdown does). Empty and \p Why set when it is not there.
std::string clangdSnippet(std::string &Why) {
  auto Buf = llvm::MemoryBuffer::getFile(userGuidePath(), /*IsText=*/true);
  if (!Buf) {
    Why = "cannot read " + userGuidePath() + " (" + Buf.getError().message() +
          "): the clangd test takes the .clangd content verbatim from the first fenced "
          "code block after a line containing " + ClangdConfigMarker.str();
    return {};
  }
  llvm::SmallVector<StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  size_t I = 0;
  while (I < Lines.size() && !Lines[I].contains(ClangdConfigMarker))
    ++I;
  if (I == Lines.size()) {
    Why = "the .clangd snippet is missing: " + userGuidePath() + " has no line containing " +
          ClangdConfigMarker.str() +
          "; the clangd test takes the .clangd content verbatim from the first fenced code "
          "block after that line";
    return {};
  }
  for (++I; I < Lines.size(); ++I) {
    StringRef L = Lines[I].rtrim("\r");
    size_t Indent = L.size() - L.ltrim(' ').size();
    StringRef T = L.ltrim(' ');
    char FenceChar = T.starts_with("```") ? '`' : T.starts_with("~~~") ? '~' : 0;
    if (!FenceChar || Indent > 3)
      continue;
    size_t FenceLen = T.size() - T.ltrim(FenceChar).size();
    std::string Out;
    for (++I; I < Lines.size(); ++I) {
      StringRef C = Lines[I].rtrim("\r");
      StringRef CT = C.ltrim(' ');
      if (C.size() - CT.size() <= 3 && CT.size() - CT.ltrim(FenceChar).size() >= FenceLen &&
          CT.ltrim(FenceChar).trim().empty())
        return Out;
      size_t Strip = 0;
      while (Strip < Indent && Strip < C.size() && C[Strip] == ' ')
        ++Strip;
      Out += C.drop_front(Strip).str() + "\n";
    }
    Why = "the fenced code block after " + ClangdConfigMarker.str() + " in " +
          userGuidePath() + " is not closed";
    return {};
  }
  Why = "the .clangd snippet is missing: " + userGuidePath() + " has the marker " +
        ClangdConfigMarker.str() + " but no fenced code block after it";
  return {};
}

TEST(ClangdConfig, SnippetInUserGuide) {
  std::string Why;
  std::string Snippet = clangdSnippet(Why);
  ASSERT_TRUE(Why.empty()) << Why;
  EXPECT_NE(Snippet.find("impersonation-"), std::string::npos)
      << "the .clangd snippet does not enable the impersonation checks:\n" << Snippet;
}

std::string percentEncode(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || StringRef("/-._~").contains(C))
      Out += char(C);
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

std::string percentDecode(StringRef S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned V;
    if (S[I] == '%' && I + 2 < S.size() && !S.substr(I + 1, 2).getAsInteger(16, V)) {
      Out += char(V);
      I += 2;
    } else {
      Out += S[I];
    }
  }
  return Out;
}

// The LSP base protocol over a child's stdin/stdout.
class LspConnection {
public:
  explicit LspConnection(Child &C) : C(C) {}

  bool send(json::Value V) {
    std::string Body;
    llvm::raw_string_ostream OS(Body);
    OS << V;
    return C.write("Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body);
  }
  bool request(int Id, StringRef Method, json::Value Params) {
    return send(json::Object{
        {"jsonrpc", "2.0"}, {"id", Id}, {"method", Method}, {"params", std::move(Params)}});
  }
  bool notify(StringRef Method, json::Value Params) {
    return send(
        json::Object{{"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
  }

  /// The next message, or nothing on EOF / timeout / garbage (then Error says which).
  std::optional<json::Value> receive(Clock::time_point Deadline) {
    for (;;) {
      std::string &B = C.buffer();
      size_t HeaderEnd = B.find("\r\n\r\n");
      if (HeaderEnd != std::string::npos) {
        size_t Length = std::string::npos;
        StringRef Headers(B.data(), HeaderEnd);
        llvm::SmallVector<StringRef, 4> Hs;
        Headers.split(Hs, "\r\n");
        for (StringRef H : Hs) {
          auto [Name, Value] = H.split(':');
          if (Name.trim().equals_insensitive("Content-Length"))
            Value.trim().getAsInteger(10, Length);
        }
        if (Length == std::string::npos) {
          Error = "message without Content-Length: " + Headers.str();
          return std::nullopt;
        }
        if (B.size() >= HeaderEnd + 4 + Length) {
          std::string Body = B.substr(HeaderEnd + 4, Length);
          B.erase(0, HeaderEnd + 4 + Length);
          llvm::Expected<json::Value> V = json::parse(Body);
          if (!V) {
            Error = "bad JSON from the server: " + llvm::toString(V.takeError());
            return std::nullopt;
          }
          return std::move(*V);
        }
      }
      if (!C.readSome(Deadline)) {
        Error = Clock::now() >= Deadline ? "timed out" : "the server closed its output";
        return std::nullopt;
      }
    }
  }

  std::string Error;

private:
  Child &C;
};

struct TempDir {
  llvm::SmallString<128> Path;
  explicit TempDir(StringRef Prefix = "impersonation-e2e-clangd") {
    if (llvm::sys::fs::createUniqueDirectory(Prefix, Path))
      Path.clear();
  }
  ~TempDir() {
    if (!Path.empty() && !std::getenv("IMPERSONATION_KEEP_TEMP"))
      llvm::sys::fs::remove_directories(Path);
  }
};

bool writeFile(const std::string &Path, StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return false;
  OS << Text;
  return true;
}

// What the test adds after the verbatim snippet, as further fragments of the same .clangd
// (clangd merges them in order): the file's own checks glob and options.
std::string extraFragments(const TestInput &In, const std::string &OrigDir) {
  std::string S;
  // #include "x.h" relative to the original file keeps working from the copy.
  S += "---\n# added by the end-to-end test: the copied file's original directory\n"
       "CompileFlags:\n  Add: [" + yamlQuote("-iquote" + OrigDir) + "]\n";
  if (In.Checks != DefaultChecks) {
    // The glob, item by item, in order: clangd appends each fragment's Add/Remove.
    llvm::SmallVector<StringRef, 8> Items;
    StringRef(In.Checks).split(Items, ',', -1, /*KeepEmpty=*/false);
    for (StringRef Item : Items) {
      Item = Item.trim();
      bool Remove = Item.consume_front("-");
      S += "---\n# added by the end-to-end test: RUN-CHECKS\nDiagnostics:\n  ClangTidy:\n    " +
           std::string(Remove ? "Remove" : "Add") + ": [" + yamlQuote(Item) + "]\n";
    }
  }
  if (!In.Options.empty()) {
    S += "---\n# added by the end-to-end test: RUN-OPTION\nDiagnostics:\n  ClangTidy:\n"
         "    CheckOptions:\n";
    for (const auto &[K, V] : In.Options)
      S += "      " + yamlQuote(K) + ": " + yamlQuote(V) + "\n";
  }
  return S;
}

// impersonation-clangd over LSP on the test input \p F: its warnings must be the
// file's CHECK-WARNINGs, and clangd must shut down cleanly.
void runClangd(const InputFile &F) {
  TestInput In;
  std::string Error;
  ASSERT_TRUE(loadTestInput(F.Path, In, Error)) << Error;
  ASSERT_TRUE(In.Problems.empty()) << describeProblems(In);

  std::string Why;
  const std::string Snippet = clangdSnippet(Why);
  ASSERT_TRUE(Why.empty()) << Why;

  // The project: the file, .clangd (the snippet verbatim, then per-file fragments), and
  // compile_flags.txt with the flags the snippet cannot know.
  TempDir Project;
  ASSERT_FALSE(Project.Path.empty()) << "cannot create a temporary directory";
  const std::string Dir = Project.Path.str().str();
  const std::string FileName = llvm::sys::path::filename(In.Path).str();
  const std::string File = Dir + "/" + FileName;
  auto Text = llvm::MemoryBuffer::getFile(In.Path, /*IsText=*/false);
  ASSERT_TRUE(bool(Text)) << "cannot read " << In.Path;
  ASSERT_TRUE(writeFile(File, (*Text)->getBuffer()));
  const bool SnippetHasFlags = StringRef(Snippet).contains("CompileFlags");
  const std::string Dotclangd = Snippet + extraFragments(In, dirOf(In.Path));
  ASSERT_TRUE(writeFile(Dir + "/.clangd", Dotclangd));
  std::string CompileFlags;
  if (!SnippetHasFlags || In.HasRunFlags)
    for (const std::string &A : In.Args)
      CompileFlags += A + "\n";
  if (!CompileFlags.empty())
    ASSERT_TRUE(writeFile(Dir + "/compile_flags.txt", CompileFlags));
  llvm::sys::fs::create_directories(Dir + "/xdg");
  const std::string Log = Dir + "/clangd.log";
  const std::string Setup = "project " + Dir + " (IMPERSONATION_KEEP_TEMP=1 keeps it)\n.clangd:\n" +
                            Dotclangd + (CompileFlags.empty() ? "" : "compile_flags.txt:\n" + CompileFlags);

  Child Server;
  // Only the project's .clangd applies: no user config from $XDG_CONFIG_HOME.
  std::string StartError = Server.start({IMPERSONATION_CLANGD}, Dir, Log,
                                        {"XDG_CONFIG_HOME=" + Dir + "/xdg"});
  ASSERT_EQ(StartError, "");
  auto LogTail = [&] {
    auto B = llvm::MemoryBuffer::getFile(Log, true);
    return B ? tail((*B)->getBuffer().str(), 40) : std::string("(no log)");
  };

  LspConnection Lsp(Server);
  const std::string Uri = "file://" + percentEncode(File);
  const std::string RootUri = "file://" + percentEncode(Dir);
  Clock::time_point Deadline = Clock::now() + std::chrono::seconds(30);

  // Reads until \p Done says stop; answers the server's own requests; records diagnostics
  // published for our file.
  std::optional<json::Array> Published;
  auto Pump = [&](auto Done) -> bool {
    for (;;) {
      std::optional<json::Value> M = Lsp.receive(Deadline);
      if (!M)
        return false;
      json::Object *O = M->getAsObject();
      if (!O)
        continue;
      std::optional<StringRef> Method = O->getString("method");
      if (Method && O->get("id")) { // a request from the server
        Lsp.send(json::Object{{"jsonrpc", "2.0"}, {"id", *O->get("id")}, {"result", nullptr}});
        continue;
      }
      if (Method && *Method == "textDocument/publishDiagnostics") {
        json::Object *P = O->getObject("params");
        std::optional<StringRef> U = P ? P->getString("uri") : std::nullopt;
        if (U && (*U == Uri || percentDecode(*U) == "file://" + File))
          if (json::Array *Ds = P->getArray("diagnostics"))
            Published = *Ds;
      }
      if (Done(*O))
        return true;
    }
  };
  auto IsResponse = [](int Id) {
    return [Id](const json::Object &O) {
      return !O.get("method") && O.getInteger("id") == Id;
    };
  };

  ASSERT_TRUE(Lsp.request(
      1, "initialize",
      json::Object{{"processId", int64_t(getpid())},
                   {"rootUri", RootUri},
                   {"capabilities",
                    json::Object{{"textDocument",
                                  json::Object{{"publishDiagnostics",
                                                json::Object{{"relatedInformation", true}}}}}}}}))
      << "clangd did not accept input\n" << LogTail();
  ASSERT_TRUE(Pump(IsResponse(1))) << "no answer to initialize: " << Lsp.Error << "\n" << LogTail();
  ASSERT_TRUE(Lsp.notify("initialized", json::Object{}));
  ASSERT_TRUE(Lsp.notify(
      "textDocument/didOpen",
      json::Object{{"textDocument",
                    json::Object{{"uri", Uri},
                                 {"languageId", StringRef(FileName).ends_with(".c") ? "c" : "cpp"},
                                 {"version", 1},
                                 {"text", (*Text)->getBuffer()}}}}));
  Deadline = Clock::now() + ClangdDiagnosticsTimeout;
  ASSERT_TRUE(Pump([&](const json::Object &) { return Published.has_value(); }))
      << "no textDocument/publishDiagnostics for " << Uri << " within "
      << ClangdDiagnosticsTimeout.count() << " s: " << Lsp.Error << "\n"
      << Setup << "clangd log (tail):\n" << LogTail();

  Deadline = Clock::now() + std::chrono::seconds(30);
  ASSERT_TRUE(Lsp.request(2, "shutdown", nullptr));
  ASSERT_TRUE(Pump(IsResponse(2))) << "no answer to shutdown: " << Lsp.Error << "\n" << LogTail();
  Lsp.notify("exit", nullptr);
  ProcessResult Exit = Server.wait(Clock::now() + std::chrono::seconds(15));

  // Our warnings, and clang's errors (an input clangd cannot compile fails the test).
  std::vector<Diag> Produced;
  for (const json::Value &V : *Published) {
    const json::Object *D = V.getAsObject();
    if (!D)
      continue;
    StringRef Source = D->getString("source").value_or("");
    StringRef Code = D->getString("code").value_or("");
    int64_t Severity = D->getInteger("severity").value_or(0);
    const json::Object *Range = D->getObject("range");
    const json::Object *Start = Range ? Range->getObject("start") : nullptr;
    int64_t Line = Start ? Start->getInteger("line").value_or(-1) : -1;
    bool Ours = Source == "clang-tidy" && Code.starts_with("impersonation-");
    if (!Ours && Severity != 1)
      continue;
    Diag P;
    P.Kind = Ours ? DiagKind::Warning : DiagKind::Error;
    P.File = In.Path; // reported against the copy of the input
    P.Line = unsigned(Line + 1);
    P.Message = D->getString("message").value_or("").str();
    P.Check = Code.str();
    if (!Ours)
      P.Check = (Source + (Code.empty() ? "" : ":" + Code)).str();
    Produced.push_back(std::move(P));
  }
  // clangd shows every message with its first letter capitalized; nothing else changes.
  std::vector<Diag> Expected;
  for (const Diag &E : In.Expected)
    if (E.Kind == DiagKind::Warning && StringRef(E.Check).starts_with("impersonation-")) {
      Expected.push_back(E);
      std::string &M = Expected.back().Message;
      if (!M.empty())
        M[0] = llvm::toUpper(M[0]);
    }
  Comparison C = compareDiags(Expected, Produced, In.Path);
  EXPECT_TRUE(C.ok()) << F.Path
                      << ": clangd's warnings differ from the CHECK-WARNING expectations "
                         "(notes are not compared here)\n"
                      << describe(C, In.Path) << Setup << "clangd log (tail):\n" << LogTail();
  EXPECT_TRUE(Exit.exitedNormally() && Exit.ExitCode == 0)
      << "clangd after shutdown/exit: " << Exit.status() << "\n" << LogTail();
}

class ImpersonationClangd : public ::testing::TestWithParam<InputFile> {};
TEST_P(ImpersonationClangd, Matches) { runClangd(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Examples, ImpersonationClangd, ::testing::ValuesIn(e2eInputs()), nameOf);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ImpersonationClangd);

// ---- deep nesting (issue 11) -----------------------------------------------------------

// clang's parser recurses once per nesting level with no guard: stock clang-22 overflows
// its 8 MiB stack at about 1,130 nested parentheses. Our executables parse on 256 MiB
// stacks (checks/frontends/LargeStack.h). This input nests 5,000 inside a handler that
// also leaks an impersonation: the tool must not crash and must report exactly that leak.
// Generated, not kept in test-inputs/: the in-process tests (8 MiB) would crash on it.
constexpr unsigned DeepNesting = 5000;

std::string deepNestingInput() {
  std::string Deep = std::string(DeepNesting, '(') + "n" + std::string(DeepNesting, ')');
  return "// Generated by tests/e2e/EndToEndTest.cpp: " + std::to_string(DeepNesting) +
         " nested parentheses in a handler that leaks an impersonation.\n"
         "// clang stops at 2048 nested brackets unless told otherwise.\n"
         "// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions "
         "-fbracket-depth=" + std::to_string(2 * DeepNesting) + "\n"
         "#include <windows.h>\n"
         "\n"
         "DWORD HandleRequest(HANDLE pipe, int n)\n"
         "{\n"
         "    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is "
         "still in force when 'HandleRequest' returns [impersonation-missing-revert]\n"
         "    // CHECK-NOTE@+1: assuming the condition is false\n"
         "    if (!ImpersonateNamedPipeClient(pipe))\n"
         "        return GetLastError();\n"
         "    int v = " + Deep + ";\n"
         "    if (v < 0) // CHECK-NOTE: assuming the condition is true\n"
         "        return ERROR_INVALID_DATA; // CHECK-NOTE: returns here while still "
         "impersonating\n"
         "    RevertToSelf();\n"
         "    return ERROR_SUCCESS;\n"
         "}\n";
}

struct DeepNestingFile {
  TempDir Dir{"impersonation-e2e-deep"};
  InputFile File;
  DeepNestingFile() {
    if (Dir.Path.empty())
      return;
    File.Path = Dir.Path.str().str() + "/deep-nesting.c";
    File.Name = "deep_nesting_c";
    if (!writeFile(File.Path, deepNestingInput()))
      File.Path.clear();
  }
};

TEST(DeepNesting, ImpersonationTidy) {
  DeepNestingFile F;
  ASSERT_FALSE(F.File.Path.empty()) << "cannot write the generated input";
  runTidyFrontEnd(F.File, {IMPERSONATION_TIDY});
}

TEST(DeepNesting, ImpersonationClangd) {
  DeepNestingFile F;
  ASSERT_FALSE(F.File.Path.empty()) << "cannot write the generated input";
  runClangd(F.File);
}

// ---- options --------------------------------------------------------------------------

// Every option of every check is written back by --dump-config with the value it was given
// (a value not read back would silently be the default), and the list is complete: a new
// option without a row here fails the test.
TEST(DumpConfig, EveryOptionRoundTrips) {
  const std::map<std::string, std::string> Given = {
      {"impersonation-missing-revert.ReportThreadExit", "true"},
      {"impersonation-missing-revert.ReportComAutoRevert", "true"},
      {"impersonation-unchecked-result.CheckRevertResult", "true"},
      {"impersonation-primary-token-access.RequestHandlers", "^svc::Handle.*$"},
      {"impersonation-primary-token-access.StrictMode", "true"},
  };
  // The engine options, given once globally, reach every check.
  const std::map<std::string, std::string> Engine = {
      {"BeginFunctions", "svc::Enter:HRESULT"},
      {"EndFunctions", "svc::Leave"},
      {"NeutralFunctions", "LogLine"},
      {"MaxStatesPerPoint", "7"},
      {"AnalysisBudget", "250000"},
      {"Debug", "true"},
  };
  const std::vector<std::string> Checks = {
      "impersonation-missing-revert", "impersonation-unchecked-result",
      "impersonation-primary-token-access", "impersonation-spawn-while-impersonating"};
  std::string Config = "{CheckOptions: {";
  for (const auto &[K, V] : Given)
    Config += K + ": '" + V + "', ";
  for (const auto &[K, V] : Engine)
    Config += K + ": '" + V + "', ";
  Config += "}}";
  TempDir Dir;
  ASSERT_FALSE(Dir.Path.empty());
  std::vector<std::string> Argv = {IMPERSONATION_TIDY, "--checks=-*,impersonation-*",
                                   "--config=" + Config, "--dump-config"};
  ProcessResult R = runProcess(Argv, Dir.Path.str().str(), ToolTimeout);
  const std::string Ran = "ran: " + joinArgs(Argv) + "\n" + R.status() + "\nstderr:\n" +
                          tail(R.Err, 20) + "\nstdout:\n" + tail(R.Out, 60);
  ASSERT_TRUE(R.exitedNormally() && R.ExitCode == 0) << Ran;

  // `  name: 'value'` lines of the CheckOptions map.
  std::map<std::string, std::string> Dumped;
  llvm::SmallVector<StringRef, 0> Lines;
  StringRef(R.Out).split(Lines, '\n');
  for (StringRef L : Lines) {
    L = L.trim();
    if (!L.starts_with("impersonation-"))
      continue;
    auto [Key, Value] = L.split(':');
    Value = Value.trim();
    if (Value.size() >= 2 && Value.front() == '\'' && Value.back() == '\'')
      Value = Value.drop_front().drop_back();
    Dumped[Key.str()] = Value.str();
  }
  std::map<std::string, std::string> Expected = Given;
  for (const std::string &C : Checks)
    for (const auto &[K, V] : Engine)
      Expected[C + "." + K] = V;
  EXPECT_EQ(Dumped, Expected) << Ran;
}

// Bad option values: one clear configuration warning each, the defaults used instead,
// and the run goes on (exit status 0, no crash).
TEST(DumpConfig, BadValuesGiveOneClearWarningEach) {
  TempDir Dir;
  ASSERT_FALSE(Dir.Path.empty());
  const std::string D = Dir.Path.str().str();
  ASSERT_TRUE(writeFile(D + "/x.c", "int main(void) { return 0; }\n"));
  std::vector<std::string> Argv = {
      IMPERSONATION_TIDY, "--checks=-*,impersonation-*",
      "--config={CheckOptions: {impersonation-primary-token-access.RequestHandlers: 'Handle(', "
      "impersonation-missing-revert.MaxStatesPerPoint: '0', "
      "impersonation-spawn-while-impersonating.AnalysisBudget: '0', "
      "impersonation-unchecked-result.BeginFunctions: 'Enter:BLAH', "
      "BeginFunctions: 'Go:NOPE', MaxStatesPerPoint: '0', AnalysisBudget: '0'}}",
      "x.c", "--"};
  ProcessResult R = runProcess(Argv, D, ToolTimeout);
  const std::string Ran = "ran: " + joinArgs(Argv) + "\n" + R.status() + "\nstderr:\n" +
                          tail(R.Err, 20) + "\nstdout:\n" + tail(R.Out, 20);
  ASSERT_TRUE(R.exitedNormally()) << Ran;
  EXPECT_EQ(R.ExitCode, 0) << Ran;
  std::vector<std::string> Config;
  const std::string Output = R.Out + R.Err;
  llvm::SmallVector<StringRef, 0> Lines;
  StringRef(Output).split(Lines, '\n');
  for (StringRef L : Lines)
    if (L.ends_with("[clang-tidy-config]"))
      Config.push_back(L.str());
  std::sort(Config.begin(), Config.end());
  std::vector<std::string> Expected = {
      "warning: check 'impersonation-unchecked-result': unknown success convention 'BLAH' in "
      "BeginFunctions entry 'Enter:BLAH' (expected BOOL, RPC_STATUS, HRESULT, "
      "SECURITY_STATUS, NTSTATUS, WIN32_ERROR or VOID) [clang-tidy-config]",
      "warning: invalid regular expression 'Handle(' for option 'RequestHandlers' of check "
      "'impersonation-primary-token-access': parentheses not balanced; no function is taken "
      "for a request handler by its name [clang-tidy-config]",
      "warning: invalid value '0' for option 'MaxStatesPerPoint' of check "
      "'impersonation-missing-revert': it must be at least 1; using 16 [clang-tidy-config]",
      // Set for all the checks: said once, whichever checks read it.
      "warning: invalid value '0' for option 'MaxStatesPerPoint' of the impersonation checks: "
      "it must be at least 1; using 16 [clang-tidy-config]",
      "warning: invalid value '0' for option 'AnalysisBudget' of check "
      "'impersonation-spawn-while-impersonating': it must be at least 1; using 1000000 "
      "[clang-tidy-config]",
      "warning: invalid value '0' for option 'AnalysisBudget' of the impersonation checks: "
      "it must be at least 1; using 1000000 [clang-tidy-config]",
      "warning: impersonation checks: unknown success convention 'NOPE' in BeginFunctions "
      "entry 'Go:NOPE' (expected BOOL, RPC_STATUS, HRESULT, SECURITY_STATUS, NTSTATUS, "
      "WIN32_ERROR or VOID) [clang-tidy-config]",
  };
  std::sort(Expected.begin(), Expected.end());
  EXPECT_EQ(Config, Expected) << Ran;
}

// ---- another LLVM major ------------------------------------------------------------------

TEST(ClangTidy14, RefusesPluginWithOneLine) {
  ASSERT_STRNE(IMPERSONATION_CLANG_TIDY_14, "")
      << "clang-tidy-14 (the fresh machine's clang-tidy) was not found at configure time";
  TempDir Dir;
  ASSERT_FALSE(Dir.Path.empty());
  const std::string D = Dir.Path.str().str();
  ASSERT_TRUE(writeFile(D + "/x.c", "int main(void) { return 0; }\n"));
  std::vector<std::string> Argv = {IMPERSONATION_CLANG_TIDY_14, "--load=" IMPERSONATION_PLUGIN,
                                   "--checks=-*,impersonation-*", "x.c", "--"};
  ProcessResult R = runProcess(Argv, D, ToolTimeout);
  const std::string Ran = "ran: " + joinArgs(Argv) + "\n" + R.status() + "\nstderr:\n" +
                          tail(R.Err, 20) + "\nstdout:\n" + tail(R.Out, 20);
  ASSERT_TRUE(R.StartError.empty()) << Ran;
  ASSERT_FALSE(R.TimedOut) << Ran;
  EXPECT_EQ(R.Signal, 0) << "clang-tidy-14 crashed loading the plugin\n" << Ran;
  EXPECT_NE(R.ExitCode, 0) << Ran;
  std::vector<std::string> Ours;
  llvm::SmallVector<StringRef, 0> Lines;
  StringRef(R.Err).split(Lines, '\n');
  for (StringRef L : Lines)
    if (L.starts_with("impersonation-tidy:"))
      Ours.push_back(L.str());
  ASSERT_EQ(Ours.size(), 1u) << "expected exactly one 'impersonation-tidy:' line\n" << Ran;
  EXPECT_NE(Ours[0].find("LLVM 22"), std::string::npos) << Ours[0];
}

} // namespace
} // namespace impersonation::test
