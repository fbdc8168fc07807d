#include "InProcessRunner.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#ifndef IMPERSONATION_CLANG_RESOURCE_DIR
#error "IMPERSONATION_CLANG_RESOURCE_DIR must be defined (clang's builtin headers)"
#endif

// The module registers itself from a static object in ImpersonationTidyModule.cpp; a
// reference to its anchor keeps that object file (and so the registration) in the link.
namespace clang::tidy {
extern volatile int ImpersonationModuleAnchorSource;
} // namespace clang::tidy
[[maybe_unused]] static int ImpersonationModuleAnchorDestination =
    clang::tidy::ImpersonationModuleAnchorSource;

namespace impersonation::test {

using namespace clang::tidy;
using llvm::StringRef;

namespace {

// File contents, to turn byte offsets into line numbers.
class LineMapper {
public:
  unsigned line(const std::string &File, unsigned Offset) {
    auto It = Texts.find(File);
    if (It == Texts.end()) {
      std::string Text;
      if (auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/false))
        Text = (*Buf)->getBuffer().str();
      It = Texts.try_emplace(File, std::move(Text)).first;
    }
    return lineOfOffset(It->second, Offset);
  }

private:
  llvm::StringMap<std::string> Texts;
};

DiagKind kindOf(clang::tooling::Diagnostic::Level L) {
  switch (L) {
  case clang::tooling::Diagnostic::Error:
    return DiagKind::Error;
  case clang::tooling::Diagnostic::Remark:
    return DiagKind::Remark;
  default:
    return DiagKind::Warning;
  }
}

Diag convert(const clang::tooling::DiagnosticMessage &M, DiagKind Kind, StringRef Check,
             StringRef BuildDir, LineMapper &Lines) {
  Diag D;
  D.Kind = Kind;
  D.Message = M.Message;
  D.Check = Check.str();
  if (!M.FilePath.empty()) {
    llvm::SmallString<256> P(M.FilePath);
    if (llvm::sys::path::is_relative(P) && !BuildDir.empty()) {
      P = BuildDir;
      llvm::sys::path::append(P, M.FilePath);
    }
    D.File = P.str().str();
    D.Line = Lines.line(D.File, M.FileOffset);
  }
  return D;
}

std::string join(const std::vector<std::string> &V) {
  std::string S;
  for (const std::string &X : V)
    S += (S.empty() ? "" : ", ") + X;
  return S;
}

} // namespace

InProcessResult runInProcess(const TestInput &In) {
  InProcessResult R;

  ClangTidyOptions Opts = ClangTidyOptions::getDefaults();
  Opts.Checks = In.Checks;
  Opts.HeaderFilterRegex = ".*"; // diagnostics in user headers show up (and fail)
  Opts.SystemHeaders = false;
  for (const auto &[Key, Value] : In.Options)
    Opts.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(StringRef(Value));

  // What clang-tidy's driver checks before running: the glob enables something, and
  // every option is one an enabled check reads (a typo would silently test defaults).
  std::vector<std::string> Enabled = getCheckNames(Opts, false, false);
  if (Enabled.empty()) {
    R.SetupError = "RUN-CHECKS '" + In.Checks + "' enables no check";
    return R;
  }
  ClangTidyOptions::OptionMap Known = getCheckOptions(Opts, false, false);
  for (const auto &[Key, Value] : In.Options) {
    bool Ok = Known.count(Key) != 0;
    if (!Ok && StringRef(Key).find('.') == StringRef::npos) // a global option
      for (const auto &E : Known)
        Ok |= E.getKey().ends_with("." + Key);
    if (!Ok) {
      std::vector<std::string> Names;
      for (const auto &E : Known)
        Names.push_back(E.getKey().str());
      llvm::sort(Names);
      R.SetupError = "RUN-OPTION '" + Key + "' is not an option of the enabled checks (" +
                     join(Enabled) + "); their options: " + join(Names);
      return R;
    }
  }

  std::vector<std::string> Args = In.Args;
  bool HasResourceDir = false;
  for (const std::string &A : Args)
    HasResourceDir |= StringRef(A).starts_with("-resource-dir");
  if (!HasResourceDir)
    Args.push_back("-resource-dir=" IMPERSONATION_CLANG_RESOURCE_DIR);

  llvm::SmallString<256> Dir(In.Path);
  llvm::sys::path::remove_filename(Dir);
  clang::tooling::FixedCompilationDatabase DB(Dir, Args);

  ClangTidyContext Context(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(), Opts));
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, DB, {In.Path}, FS, /*ApplyAnyFix=*/false,
                   /*EnableCheckProfile=*/false, /*StoreCheckProfile=*/"", /*Quiet=*/true);

  LineMapper Lines;
  for (const ClangTidyError &E : Errors) {
    R.Diags.push_back(
        convert(E.Message, kindOf(E.DiagLevel), E.DiagnosticName, E.BuildDirectory, Lines));
    for (const auto &N : E.Notes)
      R.Diags.push_back(convert(N, DiagKind::Note, "", E.BuildDirectory, Lines));
  }
  return R;
}

} // namespace impersonation::test
