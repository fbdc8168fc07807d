#include "Expectations.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <optional>
#include <tuple>

namespace impersonation::test {

using llvm::StringRef;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

StringRef kindName(DiagKind K) {
  switch (K) {
  case DiagKind::Error:
    return "error";
  case DiagKind::Warning:
    return "warning";
  case DiagKind::Remark:
    return "remark";
  case DiagKind::Note:
    return "note";
  }
  return "?";
}

std::string formatDiag(const Diag &D) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (D.File.empty())
    OS << "<no location>";
  else
    OS << D.File << ":" << D.Line;
  OS << ": " << kindName(D.Kind) << ": " << D.Message;
  if (D.Kind != DiagKind::Note && !D.Check.empty())
    OS << " [" << D.Check << "]";
  return S;
}

static bool isCFile(StringRef Path) { return path::extension(Path) == ".c"; }

std::vector<std::string> defaultArgs(StringRef Path) {
  if (isCFile(Path))
    return {"-x", "c", "--target=x86_64-w64-mingw32", "-fms-extensions"};
  return {"-x", "c++", "-std=c++17", "--target=x86_64-w64-mingw32", "-fms-extensions"};
}

namespace {

constexpr StringRef KnownDirectives[] = {"CHECK-WARNING", "CHECK-NOTE", "CHECK-REMARK",
                                         "RUN-FLAGS",     "RUN-CHECKS", "RUN-OPTION"};

bool isUpperAlpha(char C) { return C >= 'A' && C <= 'Z'; }

struct Hit {
  std::string Keyword;
  size_t After; // index just past the keyword
};

// The first `// KEYWORD` on the line that looks like a directive: CHECK, RUN, CHECK-*,
// RUN-* (the RUN-* and bare forms only when followed by ':' or '@', so prose such as
// "// RUN-TIME" in a comment is left alone; any CHECK-* is taken, so typos fail loudly).
std::optional<Hit> findDirective(StringRef Line) {
  for (size_t From = Line.find("//"); From != StringRef::npos;
       From = Line.find("//", From + 1)) {
    size_t P = From + 2;
    while (P < Line.size() && (Line[P] == ' ' || Line[P] == '\t'))
      ++P;
    size_t E = P;
    while (E < Line.size() &&
           (isUpperAlpha(Line[E]) ||
            (Line[E] == '-' && E > P && E + 1 < Line.size() && isUpperAlpha(Line[E + 1]))))
      ++E;
    StringRef Kw = Line.slice(P, E);
    if (Kw.empty())
      continue;
    size_t Q = E;
    while (Q < Line.size() && (Line[Q] == ' ' || Line[Q] == '\t'))
      ++Q;
    bool Punct = Q < Line.size() && (Line[Q] == ':' || Line[Q] == '@');
    bool Known = llvm::is_contained(KnownDirectives, Kw);
    if (Known || Kw.starts_with("CHECK-") ||
        ((Kw == "CHECK" || Kw == "RUN" || Kw.starts_with("RUN-")) && Punct))
      return Hit{Kw.str(), E};
  }
  return std::nullopt;
}

// Splits `message [check-name]` for warnings and remarks.
bool splitCheckName(StringRef Text, std::string &Message, std::string &Check) {
  Text = Text.rtrim();
  if (!Text.ends_with("]"))
    return false;
  size_t Open = Text.rfind('[');
  if (Open == StringRef::npos || Open == 0)
    return false;
  StringRef Name = Text.slice(Open + 1, Text.size() - 1);
  if (Name.empty() || Name.find_first_of(" \t[]") != StringRef::npos)
    return false;
  StringRef Msg = Text.take_front(Open);
  if (!Msg.ends_with(" ") && !Msg.ends_with("\t"))
    return false;
  Message = Msg.trim().str();
  Check = Name.str();
  return !Message.empty();
}

// A RUN-OPTION value is read as in a .clang-tidy file's CheckOptions: a YAML scalar,
// plain ('abc'), single-quoted ('a''b' is a'b) or double-quoted ("a\"b", \\, \n, \t).
bool unquoteYamlScalar(StringRef V, std::string &Out) {
  Out.clear();
  if (V.empty() || (V.front() != '\'' && V.front() != '"')) {
    Out = V.str();
    return true;
  }
  const char Q = V.front();
  if (V.size() < 2 || V.back() != Q)
    return false;
  StringRef Body = V.drop_front().drop_back();
  for (size_t I = 0; I < Body.size(); ++I) {
    char C = Body[I];
    if (Q == '\'' && C == '\'') {
      if (I + 1 >= Body.size() || Body[I + 1] != '\'')
        return false;
      Out += '\'';
      ++I;
    } else if (Q == '"' && C == '\\') {
      if (I + 1 >= Body.size())
        return false;
      char E = Body[++I];
      Out += E == 'n' ? '\n' : E == 't' ? '\t' : E;
    } else if (Q == '"' && C == '"') {
      return false;
    } else {
      Out += C;
    }
  }
  return true;
}

} // namespace

TestInput parseTestInput(StringRef Path, StringRef Text) {
  TestInput In;
  In.Path = Path.str();
  In.Checks = DefaultChecks;
  llvm::SmallString<256> Dir(Path);
  path::remove_filename(Dir);

  llvm::SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  if (!Lines.empty() && Lines.back().empty() && Text.ends_with("\n"))
    Lines.pop_back();
  const unsigned NumLines = Lines.size();

  auto Problem = [&](unsigned LineNo, const llvm::Twine &Msg) {
    In.Problems.push_back((Path + ":" + llvm::Twine(LineNo) + ": " + Msg).str());
  };

  std::vector<std::string> FlagTexts;
  bool SawChecks = false;
  for (unsigned I = 0; I < NumLines; ++I) {
    const unsigned LineNo = I + 1;
    StringRef Line = Lines[I].rtrim("\r");
    std::optional<Hit> H = findDirective(Line);
    if (!H)
      continue;
    const std::string &Kw = H->Keyword;
    if (!llvm::is_contained(KnownDirectives, StringRef(Kw))) {
      Problem(LineNo, "unknown directive '" + Kw +
                          "' (known: CHECK-WARNING, CHECK-NOTE, CHECK-REMARK, RUN-FLAGS, "
                          "RUN-CHECKS, RUN-OPTION)");
      continue;
    }
    StringRef Rest = Line.drop_front(H->After);
    long Offset = 0;
    if (Rest.consume_front("@")) {
      if (!StringRef(Kw).starts_with("CHECK-")) {
        Problem(LineNo, Kw + " takes no @ offset");
        continue;
      }
      char Sign = Rest.empty() ? 0 : Rest.front();
      Rest = Rest.drop_front(Sign ? 1 : 0);
      size_t Digits = 0;
      while (Digits < Rest.size() && llvm::isDigit(Rest[Digits]))
        ++Digits;
      unsigned N = 0;
      if ((Sign != '+' && Sign != '-') || Digits == 0 ||
          Rest.take_front(Digits).getAsInteger(10, N)) {
        Problem(LineNo, "malformed offset after '" + Kw + "@': use @+N or @-N");
        continue;
      }
      Rest = Rest.drop_front(Digits);
      Offset = Sign == '+' ? long(N) : -long(N);
    }
    Rest = Rest.ltrim(" \t");
    if (!Rest.consume_front(":")) {
      Problem(LineNo, "expected ':' after '" + Kw + "'");
      continue;
    }
    StringRef Value = Rest.trim(" \t");
    if (findDirective(Value)) {
      Problem(LineNo, "one directive per line: put the second on a neighbouring comment "
                      "line with an @ offset");
      continue;
    }
    if (Value.empty()) {
      Problem(LineNo, Kw + " needs a value");
      continue;
    }

    if (Kw == "RUN-FLAGS") {
      FlagTexts.push_back(Value.str());
      continue;
    }
    if (Kw == "RUN-CHECKS") {
      if (SawChecks)
        Problem(LineNo, "RUN-CHECKS given twice");
      SawChecks = true;
      In.Checks = Value.str();
      continue;
    }
    if (Kw == "RUN-OPTION") {
      auto [Key, Val] = Value.split(':');
      Key = Key.trim();
      if (Key.empty() || Key.find_first_of(" \t") != StringRef::npos ||
          !Value.contains(':')) {
        Problem(LineNo, "RUN-OPTION needs '<key>: <value>'");
        continue;
      }
      std::string Unquoted;
      if (!unquoteYamlScalar(Val.trim(), Unquoted)) {
        Problem(LineNo, "RUN-OPTION value has an unbalanced quote: " + Val.trim());
        continue;
      }
      In.Options.emplace_back(Key.str(), std::move(Unquoted));
      continue;
    }

    // CHECK-WARNING / CHECK-NOTE / CHECK-REMARK
    long Target = long(LineNo) + Offset;
    if (Target < 1 || Target > long(NumLines)) {
      Problem(LineNo, Kw + " points at line " + llvm::Twine(Target) +
                          ", outside the file (1-" + llvm::Twine(NumLines) + ")");
      continue;
    }
    Diag D;
    D.File = In.Path;
    D.Line = unsigned(Target);
    if (Kw == "CHECK-NOTE") {
      D.Kind = DiagKind::Note;
      D.Message = Value.str();
    } else {
      D.Kind = Kw == "CHECK-WARNING" ? DiagKind::Warning : DiagKind::Remark;
      if (!splitCheckName(Value, D.Message, D.Check)) {
        Problem(LineNo, Kw + " needs the check name in brackets at the end: '" + Kw +
                            ": <message> [<check-name>]'");
        continue;
      }
    }
    In.Expected.push_back(std::move(D));
  }

  if (FlagTexts.empty()) {
    In.Args = defaultArgs(Path);
  } else {
    In.HasRunFlags = true;
    llvm::BumpPtrAllocator A;
    llvm::StringSaver Saver(A);
    for (const std::string &F : FlagTexts) {
      llvm::SmallVector<const char *, 16> Toks;
      llvm::cl::TokenizeGNUCommandLine(F, Saver, Toks);
      for (const char *T : Toks) {
        std::string Arg = T;
        for (size_t P = Arg.find("%S"); P != std::string::npos; P = Arg.find("%S", P)) {
          Arg.replace(P, 2, Dir.str().str());
          P += Dir.size();
        }
        In.Args.push_back(std::move(Arg));
      }
    }
  }
  return In;
}

bool loadTestInput(StringRef Path, TestInput &Out, std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    Error = "cannot read " + Path.str() + ": " + Buf.getError().message();
    return false;
  }
  Out = parseTestInput(Path, (*Buf)->getBuffer());
  return true;
}

std::vector<std::string> findTestInputs(StringRef Root) {
  std::vector<std::string> Files;
  llvm::SmallString<256> AbsRoot(Root);
  fs::make_absolute(AbsRoot);
  path::remove_dots(AbsRoot, /*remove_dot_dot=*/true);
  std::error_code EC;
  for (fs::recursive_directory_iterator I(AbsRoot, EC), E; I != E && !EC; I.increment(EC)) {
    StringRef P = I->path();
    StringRef Name = path::filename(P);
    if (I->type() == fs::file_type::directory_file) {
      if (Name == "include" || Name == "headers" || Name.starts_with("."))
        I.no_push();
      continue;
    }
    if (Name.starts_with("."))
      continue;
    StringRef Ext = path::extension(Name);
    if (Ext != ".c" && Ext != ".cpp" && Ext != ".cc")
      continue;
    Files.push_back(P.str());
  }
  llvm::sort(Files);
  return Files;
}

std::string testNameFor(StringRef Root, StringRef Path) {
  llvm::SmallString<256> AbsRoot(Root);
  fs::make_absolute(AbsRoot);
  path::remove_dots(AbsRoot, true);
  StringRef Rel = Path;
  if (Rel.consume_front(AbsRoot.str()))
    Rel = Rel.ltrim('/');
  std::string Name;
  for (char C : Rel)
    Name += llvm::isAlnum(C) ? C : '_';
  if (Name.empty())
    Name = "_";
  return Name;
}

void uniquifyNames(std::vector<std::string> &Names) {
  std::vector<std::string> Seen;
  for (std::string &N : Names) {
    std::string Candidate = N;
    for (unsigned K = 2; llvm::is_contained(Seen, Candidate); ++K)
      Candidate = N + "_" + std::to_string(K);
    N = Candidate;
    Seen.push_back(N);
  }
}

std::string testInputsRoot(const char *Default) {
  if (const char *Env = std::getenv("IMPERSONATION_TEST_INPUTS"); Env && *Env)
    return Env;
  return Default;
}

std::vector<InputFile> namedInputs(StringRef Root, const std::vector<std::string> &Paths) {
  std::vector<std::string> Names;
  for (const std::string &P : Paths)
    Names.push_back(testNameFor(Root, P));
  uniquifyNames(Names);
  std::vector<InputFile> Out;
  for (size_t I = 0; I < Paths.size(); ++I)
    Out.push_back({Paths[I], Names[I]});
  return Out;
}

void PrintTo(const InputFile &F, std::ostream *OS) { *OS << F.Path; }

bool sameFile(StringRef A, StringRef B) {
  if (A == B)
    return true;
  if (A.empty() || B.empty())
    return false;
  bool Same = false;
  return !fs::equivalent(A, B, Same) && Same;
}

unsigned lineOfOffset(StringRef Text, unsigned Offset) {
  return 1 + Text.take_front(Offset).count('\n');
}

static bool matches(const Diag &E, const Diag &P) {
  return E.Kind == P.Kind && E.Line == P.Line && E.Message == P.Message &&
         (E.Kind == DiagKind::Note || E.Check == P.Check);
}

static void sortDiags(std::vector<Diag> &Ds) {
  std::sort(Ds.begin(), Ds.end(), [](const Diag &L, const Diag &R) {
    return std::tie(L.File, L.Line, L.Kind, L.Message, L.Check) <
           std::tie(R.File, R.Line, R.Kind, R.Message, R.Check);
  });
}

bool isMacroBacktraceNote(const Diag &D) {
  return D.Kind == DiagKind::Note && StringRef(D.Message).starts_with("expanded from macro '");
}

Comparison compareDiags(const std::vector<Diag> &Expected, const std::vector<Diag> &Produced,
                        StringRef InputPath) {
  Comparison C;
  std::vector<bool> Used(Expected.size(), false);
  for (const Diag &P : Produced) {
    if (isMacroBacktraceNote(P))
      continue;
    if (P.Kind == DiagKind::Error)
      C.Errors.push_back(P);
    bool Matched = false;
    if (sameFile(P.File, InputPath)) {
      for (size_t I = 0; I < Expected.size() && !Matched; ++I)
        if (!Used[I] && matches(Expected[I], P))
          Used[I] = Matched = true;
    }
    if (!Matched)
      C.Unexpected.push_back(P);
  }
  for (size_t I = 0; I < Expected.size(); ++I)
    if (!Used[I])
      C.Missing.push_back(Expected[I]);
  sortDiags(C.Missing);
  sortDiags(C.Unexpected);
  return C;
}

std::string describe(const Comparison &C, StringRef InputPath) {
  if (C.ok())
    return {};
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (!C.Errors.empty()) {
    OS << InputPath << ": the input does not compile cleanly (" << C.Errors.size()
       << " error(s)):\n";
    for (const Diag &D : C.Errors)
      OS << "  " << formatDiag(D) << "\n";
  }
  if (!C.Missing.empty()) {
    OS << C.Missing.size() << " expected diagnostic(s) not produced:\n";
    for (const Diag &D : C.Missing)
      OS << "  " << formatDiag(D) << "\n";
  }
  if (!C.Unexpected.empty()) {
    OS << C.Unexpected.size() << " diagnostic(s) produced but not expected:\n";
    for (const Diag &D : C.Unexpected)
      OS << "  " << formatDiag(D)
         << (D.File.empty() || sameFile(D.File, InputPath) ? "" : "   (not in the input file)")
         << "\n";
  }
  return S;
}

std::string describeProblems(const TestInput &In) {
  if (In.Problems.empty())
    return {};
  std::string S = "malformed directives in the test input:\n";
  for (const std::string &P : In.Problems)
    S += "  " + P + "\n";
  return S;
}

std::vector<Diag> parseClangTidyOutput(StringRef Output, StringRef Cwd) {
  static constexpr std::pair<StringRef, DiagKind> Kinds[] = {
      {"warning", DiagKind::Warning},
      {"error", DiagKind::Error},
      {"fatal error", DiagKind::Error},
      {"remark", DiagKind::Remark},
      {"note", DiagKind::Note}};
  std::vector<Diag> Out;
  llvm::SmallVector<StringRef, 0> Lines;
  Output.split(Lines, '\n');
  for (StringRef Line : Lines) {
    Line = Line.rtrim("\r");
    std::optional<Diag> Found;
    for (const auto &[Name, Kind] : Kinds) {
      std::string Marker = (": " + Name + ": ").str();
      StringRef Prefix, Body;
      if (Line.starts_with((Name + ": ").str())) {
        Body = Line.drop_front(Name.size() + 2);
      } else {
        size_t Pos = Line.find(Marker);
        if (Pos == StringRef::npos)
          continue;
        Prefix = Line.take_front(Pos);
        Body = Line.drop_front(Pos + Marker.size());
        // Prefix is path:line:col.
        auto [Rest1, Col] = Prefix.rsplit(':');
        auto [File, LineNo] = Rest1.rsplit(':');
        unsigned L = 0, Cn = 0;
        if (File.empty() || Col.getAsInteger(10, Cn) || LineNo.getAsInteger(10, L))
          continue;
        llvm::SmallString<256> Abs(File);
        if (path::is_relative(Abs)) {
          Abs = Cwd;
          path::append(Abs, File);
        }
        if (!fs::exists(Abs))
          continue; // a source excerpt that merely looks like a diagnostic
        Diag D;
        D.File = Abs.str().str();
        D.Line = L;
        Found = D;
      }
      if (!Found)
        Found = Diag();
      Found->Kind = Kind;
      if (Kind == DiagKind::Note || !splitCheckName(Body, Found->Message, Found->Check)) {
        Found->Message = Body.str();
        Found->Check.clear();
      }
      break;
    }
    if (Found)
      Out.push_back(std::move(*Found));
  }
  return Out;
}

} // namespace impersonation::test
