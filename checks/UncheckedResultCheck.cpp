#include "UncheckedResultCheck.h"

namespace clang::tidy::impersonation {

UncheckedResultCheck::UncheckedResultCheck(StringRef Name, ClangTidyContext *Context)
    : ImpersonationCheckBase(Name, Context),
      CheckRevertResult(Options.get("CheckRevertResult", false)) {}

void UncheckedResultCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ImpersonationCheckBase::storeOptions(Opts);
  Options.store(Opts, "CheckRevertResult", CheckRevertResult);
}

void UncheckedResultCheck::report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // What the engine could not do, said once: by the first check enabled.
  reportNotAnalysed(Analysis, SM, "its begins' results");
  emitDebugNotes(Analysis, SM);
  const OperationReport &Ops = Analysis.operations({});
  for (const UncheckedBegin &U : Ops.Unchecked) {
    SourceLocation Loc = diagLoc(U.BeginSite, SM);
    if (!reportable(Loc, SM))
      continue;
    diag(Loc, "if '%0' fails, the code goes on with the service's own token") << U.BeginName;
    for (const PathNote &N : U.Witness)
      diag(SM.getFileLoc(N.Loc), "%0", DiagnosticIDs::Note) << N.Text;
    if (U.SwallowedBy)
      diag(SM.getFileLoc(U.SwallowedAt),
           "'%0' returns here without telling its callers that '%1' failed",
           DiagnosticIDs::Note)
          << U.SwallowedBy->getNameAsString() << U.BeginName;
    else
      diag(diagLoc(U.Operation, SM),
           "'%0' runs here with the service's own token when '%1' failed",
           DiagnosticIDs::Note)
          << U.OperationName << U.BeginName;
  }
  if (!CheckRevertResult)
    return;
  for (const IgnoredRevert &R : Ops.IgnoredReverts) {
    SourceLocation Loc = diagLoc(R.Call, SM);
    if (reportable(Loc, SM))
      diag(Loc, "the result of '%0' is ignored; if it fails, the thread goes on as the client "
                "(terminate the process instead)")
          << R.Api;
  }
}

} // namespace clang::tidy::impersonation
