// Tests of the harness itself: the directive parser, the exact comparison (it must be able
// to fail, in both directions), the clang-tidy output reader, and the in-process runner.
#include "Expectations.h"
#include "InProcessRunner.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

namespace impersonation::test {
namespace {

Diag warning(unsigned Line, std::string Msg, std::string Check, std::string File = "/t/a.c") {
  return Diag{DiagKind::Warning, std::move(File), Line, std::move(Msg), std::move(Check)};
}
Diag note(unsigned Line, std::string Msg, std::string File = "/t/a.c") {
  return Diag{DiagKind::Note, std::move(File), Line, std::move(Msg), ""};
}

// A temporary file that removes itself.
struct TempFile {
  llvm::SmallString<128> Path;
  TempFile(llvm::StringRef Suffix /* without the dot */, llvm::StringRef Text) {
    int FD;
    EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("harness-self-test", Suffix, FD, Path));
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
  ~TempFile() { llvm::sys::fs::remove(Path); }
  std::string str() const { return Path.str().str(); }
};

TEST(HarnessParser, ReadsDirectivesAndOffsets) {
  const char *Text = "// RUN-FLAGS: -x c -I%S/include -DX=\"a b\"\n"    // 1
                     "// RUN-CHECKS: -*,impersonation-missing-revert\n"  // 2
                     "// RUN-OPTION: impersonation-missing-revert.ReportThreadExit: true\n"
                     "// RUN-OPTION: Debug: 'it''s: quoted'\n"          // 4
                     "f(); // CHECK-WARNING: leaks 'g' [some-check]\n"  // 5
                     "// CHECK-WARNING@+2: two below [a-b]\n"           // 6
                     "// CHECK-NOTE@+1: note 'operator[]' here\n"       // 7
                     "g();\n"                                           // 8
                     "// CHECK-REMARK@-8: first line [r]\n"             // 9
                     "h(\"http://x\"); //CHECK-NOTE: tight\n"           // 10
                     "// RUN-TIME is prose, not a directive\n"          // 11
                     "// CHECK-WARNING: a [x][y] in message [c]\n";     // 12
  TestInput In = parseTestInput("/t/dir/a.c", Text);
  EXPECT_TRUE(In.Problems.empty()) << describeProblems(In);
  EXPECT_TRUE(In.HasRunFlags);
  EXPECT_EQ(In.Args,
            (std::vector<std::string>{"-x", "c", "-I/t/dir/include", "-DX=a b"}));
  EXPECT_EQ(In.Checks, "-*,impersonation-missing-revert");
  ASSERT_EQ(In.Options.size(), 2u);
  EXPECT_EQ(In.Options[0].first, "impersonation-missing-revert.ReportThreadExit");
  EXPECT_EQ(In.Options[0].second, "true");
  EXPECT_EQ(In.Options[1].first, "Debug");
  EXPECT_EQ(In.Options[1].second, "it's: quoted"); // YAML scalar, as in .clang-tidy

  ASSERT_EQ(In.Expected.size(), 6u);
  auto Expect = [&](size_t I, DiagKind K, unsigned Line, const char *Msg, const char *Check) {
    SCOPED_TRACE(I);
    EXPECT_EQ(In.Expected[I].Kind, K);
    EXPECT_EQ(In.Expected[I].Line, Line);
    EXPECT_EQ(In.Expected[I].Message, Msg);
    EXPECT_EQ(In.Expected[I].Check, Check);
    EXPECT_EQ(In.Expected[I].File, "/t/dir/a.c");
  };
  Expect(0, DiagKind::Warning, 5, "leaks 'g'", "some-check");
  Expect(1, DiagKind::Warning, 8, "two below", "a-b");
  Expect(2, DiagKind::Note, 8, "note 'operator[]' here", "");
  Expect(3, DiagKind::Remark, 1, "first line", "r");
  Expect(4, DiagKind::Note, 10, "tight", "");
  Expect(5, DiagKind::Warning, 12, "a [x][y] in message", "c");
}

TEST(HarnessParser, DefaultsByExtension) {
  TestInput C = parseTestInput("/t/a.c", "int x;\n");
  EXPECT_FALSE(C.HasRunFlags);
  EXPECT_EQ(C.Args, (std::vector<std::string>{"-x", "c", "--target=x86_64-w64-mingw32",
                                              "-fms-extensions"}));
  EXPECT_EQ(C.Checks, "-*,impersonation-*");
  EXPECT_TRUE(C.Expected.empty());
  for (const char *P : {"/t/a.cpp", "/t/a.cc"})
    EXPECT_EQ(parseTestInput(P, "").Args,
              (std::vector<std::string>{"-x", "c++", "-std=c++17",
                                        "--target=x86_64-w64-mingw32", "-fms-extensions"}));
}

TEST(HarnessParser, RejectsMalformedDirectives) {
  const char *Text = "// CHECK-WARNING: no check name\n"             // 1
                     "// CHECK-MESSAGES: lit style [x]\n"            // 2
                     "// CHECK-WARNING@3: no sign [x]\n"             // 3
                     "// CHECK-NOTE@+10: beyond the end\n"           // 4
                     "f(); // CHECK-WARNING: a [x] // CHECK-NOTE: b\n" // 5
                     "// CHECK-NOTE missing colon\n"                 // 6
                     "// RUN-OPTION: k: 'unbalanced\n"               // 7
                     "// CHECK-WARNING:\n"                           // 8
                     "// RUN-CHECKS: a\n"                            // 9
                     "// RUN-CHECKS: b\n"                            // 10
                     "// RUN-FLAGS@+1: -x c\n"                       // 11
                     "// CHECK: FileCheck style\n"                   // 12
                     "// RUN-OPTION: no-value-separator\n";          // 13
  TestInput In = parseTestInput("/t/a.c", Text);
  std::string All = describeProblems(In);
  for (int Line = 1; Line <= 13; ++Line)
    if (Line != 9) // the first RUN-CHECKS is fine
    EXPECT_NE(All.find("/t/a.c:" + std::to_string(Line) + ": "), std::string::npos)
        << "line " << Line << " not reported in:\n"
        << All;
  EXPECT_TRUE(In.Expected.empty());
}

TEST(HarnessCompare, EqualMultisetsPass) {
  std::vector<Diag> E = {warning(3, "m", "c"), note(4, "n"), note(4, "n")};
  std::vector<Diag> P = {note(4, "n"), warning(3, "m", "c"), note(4, "n")};
  Comparison C = compareDiags(E, P, "/t/a.c");
  EXPECT_TRUE(C.ok()) << describe(C, "/t/a.c");
  EXPECT_EQ(describe(C, "/t/a.c"), "");
}

TEST(HarnessCompare, DetectsMissingAndUnexpected) {
  // Expected but not produced.
  Comparison C = compareDiags({warning(3, "m", "c")}, {}, "/t/a.c");
  ASSERT_EQ(C.Missing.size(), 1u);
  EXPECT_TRUE(C.Unexpected.empty());
  EXPECT_NE(describe(C, "/t/a.c").find("/t/a.c:3: warning: m [c]"), std::string::npos);

  // Produced but not expected (a file with no expectations asserts silence).
  C = compareDiags({}, {note(7, "n")}, "/t/a.c");
  EXPECT_TRUE(C.Missing.empty());
  ASSERT_EQ(C.Unexpected.size(), 1u);
  EXPECT_NE(describe(C, "/t/a.c").find("/t/a.c:7: note: n"), std::string::npos);

  // Each field matters: line, message, check name, kind.
  for (const Diag &Wrong : {warning(4, "m", "c"), warning(3, "m ", "c"),
                            warning(3, "m", "d"), note(3, "m"),
                            Diag{DiagKind::Remark, "/t/a.c", 3, "m", "c"}}) {
    C = compareDiags({warning(3, "m", "c")}, {Wrong}, "/t/a.c");
    EXPECT_EQ(C.Missing.size(), 1u) << formatDiag(Wrong);
    EXPECT_EQ(C.Unexpected.size(), 1u) << formatDiag(Wrong);
  }

  // Multiset: counts matter.
  C = compareDiags({note(4, "n"), note(4, "n")}, {note(4, "n")}, "/t/a.c");
  EXPECT_EQ(C.Missing.size(), 1u);
  C = compareDiags({note(4, "n")}, {note(4, "n"), note(4, "n")}, "/t/a.c");
  EXPECT_EQ(C.Unexpected.size(), 1u);

  // The right line in another file is still unexpected.
  C = compareDiags({warning(3, "m", "c")}, {warning(3, "m", "c", "/t/include/a.h")},
                   "/t/a.c");
  EXPECT_EQ(C.Missing.size(), 1u);
  ASSERT_EQ(C.Unexpected.size(), 1u);
  EXPECT_NE(describe(C, "/t/a.c").find("not in the input file"), std::string::npos);

  // clang's macro backtrace notes are not compared (they point into headers).
  C = compareDiags({note(4, "n")},
                   {note(4, "n"), note(9, "expanded from macro 'FAILED'", "/usr/include/w.h")},
                   "/t/a.c");
  EXPECT_TRUE(C.ok()) << describe(C, "/t/a.c");

  // Compiler errors always fail and are shown first.
  C = compareDiags({}, {Diag{DiagKind::Error, "/t/a.c", 2, "expected ';'", "clang-diagnostic-error"}},
                   "/t/a.c");
  EXPECT_FALSE(C.ok());
  EXPECT_EQ(C.Errors.size(), 1u);
  EXPECT_EQ(describe(C, "/t/a.c").find("/t/a.c: the input does not compile"), 0u);
}

TEST(HarnessOutputReader, ReadsClangTidyText) {
  TempFile F("c", "int x;\n");
  std::string Out = F.str() + ":3:8: warning: leak of 'A' [impersonation-missing-revert]\n"
                    "    3 |   if (!A(p)) // x.c:1:1: warning: lookalike [x]\n"
                    "      |        ^\n" +
                    F.str() + ":6:5: note: returns here\n" +
                    F.str() + ":6:5: note: expanded from macro 'RET'\n"
                    "error: unknown argument: '-foo' [clang-diagnostic-error]\n" +
                    F.str() + ":9:1: remark: a remark [r]\n"
                    "1 warning generated.\n";
  std::vector<Diag> D = parseClangTidyOutput(Out, "/");
  ASSERT_EQ(D.size(), 5u);
  EXPECT_EQ(formatDiag(D[0]), F.str() + ":3: warning: leak of 'A' [impersonation-missing-revert]");
  EXPECT_EQ(formatDiag(D[1]), F.str() + ":6: note: returns here");
  EXPECT_EQ(formatDiag(D[2]), F.str() + ":6: note: expanded from macro 'RET'");
  EXPECT_EQ(formatDiag(D[3]), "<no location>: error: unknown argument: '-foo' [clang-diagnostic-error]");
  EXPECT_EQ(formatDiag(D[4]), F.str() + ":9: remark: a remark [r]");
}

TEST(HarnessFiles, NamesAreUniqueAndSafe) {
  EXPECT_EQ(testNameFor("/t/in", "/t/in/examples/rpc-svc.c"), "examples_rpc_svc_c");
  std::vector<std::string> Names = {"a_c", "a_c", "b", "a_c"};
  uniquifyNames(Names);
  EXPECT_EQ(Names, (std::vector<std::string>{"a_c", "a_c_2", "b", "a_c_3"}));
}

TEST(HarnessFiles, FindsInputsSkippingHeaderDirs) {
  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("harness-find", Root));
  auto Touch = [&](llvm::StringRef Rel) {
    llvm::SmallString<128> P(Root);
    llvm::sys::path::append(P, Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
  };
  for (const char *Rel : {"a.c", "b.cpp", "sub/c.cc", "sub/include/h.c", "headers/h.cpp",
                          "x/headers/y/z.c", "README.md", "d.h", ".hidden.c"})
    Touch(Rel);
  std::vector<std::string> Found = findTestInputs(Root);
  std::vector<std::string> Rel;
  for (const std::string &P : Found)
    Rel.push_back(P.substr(Root.size() + 1));
  EXPECT_EQ(Rel, (std::vector<std::string>{"a.c", "b.cpp", "sub/c.cc"}));
  llvm::sys::fs::remove_directories(Root);
}

// The in-process runner end to end on synthetic files: it reports compiler errors, it
// finds a real leak (so an empty expectation set can fail), and a wrong expectation fails.
TEST(HarnessInProcess, CanFail) {
  {
    TempFile F("c", "int main( {\n");
    TestInput In = parseTestInput(F.str(), "");
    InProcessResult R = runInProcess(In);
    ASSERT_EQ(R.SetupError, "");
    Comparison C = compareDiags(In.Expected, R.Diags, In.Path);
    EXPECT_FALSE(C.Errors.empty()) << describe(C, In.Path);
  }
  {
    const char *Text = "#include <windows.h>\n"
                       "int serve(HANDLE pipe, int bad) {\n"
                       "  if (!ImpersonateNamedPipeClient(pipe))\n"
                       "    return 1;\n"
                       "  if (bad) return 2; // CHECK-WARNING: not the real message [impersonation-missing-revert]\n"
                       "  RevertToSelf();\n"
                       "  return 0;\n"
                       "}\n";
    TempFile F("c", Text);
    TestInput In = parseTestInput(F.str(), Text);
    ASSERT_TRUE(In.Problems.empty()) << describeProblems(In);
    InProcessResult R = runInProcess(In);
    ASSERT_EQ(R.SetupError, "");
    Comparison C = compareDiags(In.Expected, R.Diags, In.Path);
    EXPECT_TRUE(C.Errors.empty()) << describe(C, In.Path);
    EXPECT_EQ(C.Missing.size(), 1u) << describe(C, In.Path);
    bool SawCheck = false;
    for (const Diag &D : C.Unexpected)
      SawCheck |= D.Kind == DiagKind::Warning &&
                  llvm::StringRef(D.Check).starts_with("impersonation-");
    EXPECT_TRUE(SawCheck) << "the checks reported no leak in a leaking function:\n"
                          << describe(C, In.Path);
  }
  {
    TempFile F("c", "int x;\n");
    TestInput In = parseTestInput(F.str(), "// RUN-OPTION: impersonation-missing-revert.NoSuchOption: 1\n");
    In.Path = F.str();
    EXPECT_NE(runInProcess(In).SetupError.find("NoSuchOption"), std::string::npos);
    In.Options.clear();
    In.Checks = "-*,no-such-check";
    EXPECT_NE(runInProcess(In).SetupError.find("enables no check"), std::string::npos);
  }
}

} // namespace
} // namespace impersonation::test
