#include "MissingRevertCheck.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::impersonation {

MissingRevertCheck::MissingRevertCheck(StringRef Name, ClangTidyContext *Context)
    : ImpersonationCheckBase(Name, Context),
      ReportThreadExit(Options.get("ReportThreadExit", false)),
      ReportComAutoRevert(Options.get("ReportComAutoRevert", false)) {}

void MissingRevertCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ImpersonationCheckBase::storeOptions(Opts);
  Options.store(Opts, "ReportThreadExit", ReportThreadExit);
  Options.store(Opts, "ReportComAutoRevert", ReportComAutoRevert);
}

static std::string functionName(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
    return "the lambda";
  return "'" + FD->getQualifiedNameAsString() + "'";
}

void MissingRevertCheck::report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  reportNotAnalysed(Analysis, SM, "its reverts");
  emitDebugNotes(Analysis, SM);
  for (const FunctionReport &R : Analysis.reports()) {
    if (R.NotAnalysed)
      continue;
    if (R.SkipsRevert) {
      SourceLocation Loc = SM.getFileLoc(R.Function->getLocation());
      if (reportable(Loc, SM)) {
        diag(Loc, "%0 ends impersonation for its callers but returns without reverting on "
                  "some paths; they stay impersonating there")
            << functionName(R.Function);
        for (const PathNote &N : R.SkipsRevert->Witness)
          diag(SM.getFileLoc(N.Loc), "%0", DiagnosticIDs::Note) << N.Text;
        diag(SM.getFileLoc(R.SkipsRevert->Exit), "returns here without reverting",
             DiagnosticIDs::Note);
      }
    }
    if (R.IsBeginWrapper || R.Transfers)
      continue;
    if (R.IsThreadStartRoutine && !ReportThreadExit)
      continue;
    for (const Leak &L : R.Leaks) {
      if (L.Com && !ReportComAutoRevert)
        continue;
      SourceLocation Loc = diagLoc(L.BeginSite, SM);
      if (!reportable(Loc, SM))
        continue;
      diag(Loc, "impersonation begun by %select{|the call to }0'%1' is still in force when "
                "%2 returns")
          << L.ViaWrapper << L.BeginName << functionName(R.Function);
      for (const PathNote &N : L.Witness)
        diag(SM.getFileLoc(N.Loc), "%0", DiagnosticIDs::Note) << N.Text;
      for (const LeakExit &E : L.Exits)
        diag(SM.getFileLoc(E.Loc),
             "%select{returns here|reaches the end of the function|an exception leaves the "
             "function here}0 while still impersonating",
             DiagnosticIDs::Note)
            << static_cast<int>(E.Kind);
    }
  }
}

} // namespace clang::tidy::impersonation
