#include "SpawnWhileImpersonatingCheck.h"

namespace clang::tidy::impersonation {

void SpawnWhileImpersonatingCheck::report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // What the engine could not do, said once: by the first check enabled.
  reportNotAnalysed(Analysis, SM, "its spawns");
  emitDebugNotes(Analysis, SM);
  for (const SpawnWhileImpersonating &S : Analysis.operations({}).Spawns) {
    SourceLocation Loc = diagLoc(S.Call, SM);
    if (!reportable(Loc, SM))
      continue;
    switch (S.Kind) {
    case OperationKind::Process:
      diag(Loc, "'%0' starts a process that runs with the service's token, not the client's; "
                "use CreateProcessAsUserW or CreateProcessWithTokenW with a primary token "
                "duplicated from the thread token")
          << S.Api;
      break;
    case OperationKind::Thread:
      diag(Loc, "'%0' starts a thread that runs with the service's token, not the client's; "
                "hand the thread token to it and impersonate inside the new thread")
          << S.Api;
      break;
    default:
      diag(Loc, "'%0' queues work that runs with the service's token, not the client's; hand "
                "the thread token to it and impersonate inside the work item")
          << S.Api;
      break;
    }
    if (S.BeginLoc.isValid())
      diag(SM.getFileLoc(S.BeginLoc), "the thread impersonates the client from here",
           DiagnosticIDs::Note);
    if (S.CallerLoc.isValid())
      diag(SM.getFileLoc(S.CallerLoc),
           "'%0' is called here while the thread impersonates the client", DiagnosticIDs::Note)
          << S.Callee;
  }
}

} // namespace clang::tidy::impersonation
