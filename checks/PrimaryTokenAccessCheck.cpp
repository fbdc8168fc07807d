#include "PrimaryTokenAccessCheck.h"

#include "llvm/Support/Regex.h"

namespace clang::tidy::impersonation {

PrimaryTokenAccessCheck::PrimaryTokenAccessCheck(StringRef Name, ClangTidyContext *Context)
    : ImpersonationCheckBase(Name, Context),
      RequestHandlers(Options.get("RequestHandlers", "")),
      StrictMode(Options.get("StrictMode", false)) {
  std::string Error;
  if (!RequestHandlers.empty() && !llvm::Regex(RequestHandlers).isValid(Error)) {
    configurationDiag("invalid regular expression '%0' for option 'RequestHandlers' of check "
                      "'%1': %2; no function is taken for a request handler by its name")
        << RequestHandlers << Name << Error;
    HandlersValid = false;
  }
}

void PrimaryTokenAccessCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ImpersonationCheckBase::storeOptions(Opts);
  Options.store(Opts, "RequestHandlers", RequestHandlers);
  Options.store(Opts, "StrictMode", StrictMode);
}

void PrimaryTokenAccessCheck::report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // What the engine could not do, said once: by the first check enabled.
  reportNotAnalysed(Analysis, SM, "its accesses");
  emitDebugNotes(Analysis, SM);
  OperationQuery Query;
  Query.RequestHandlers = HandlersValid ? RequestHandlers : "";
  Query.StrictMode = StrictMode;
  // An access that runs as the service only because a begin failed unnoticed is the
  // unchecked-result check's finding, while that check runs.
  bool UncheckedReports = isEnabled(check_names::UncheckedResult);
  for (const PrimaryAccess &A : Analysis.operations(Query).Accesses) {
    if (A.OnlyAfterFailedBegin && UncheckedReports && A.ClientNamed)
      continue;
    SourceLocation Loc = diagLoc(A.Call, SM);
    if (!reportable(Loc, SM))
      continue;
    if (!A.ClientNamed) {
      diag(Loc, "'%0' runs with the service's own token while the thread handles a client "
                "request")
          << A.Api;
    } else if (A.ThreadIdentityObject) {
      // The current user's hive, profile or secrets: as the service, the service's own.
      diag(Loc, "'%0' reaches the service's own user objects instead of the client's: it "
                "runs with the service's own token")
          << A.Api;
    } else {
      diag(Loc, "'%0' accesses an object named by the client with the service's own token")
          << A.Api;
    }
    if (const auto &O = A.Origin) {
      switch (O->K) {
      case ClientDataOrigin::Received:
        diag(SM.getFileLoc(O->Loc), "the client's data is received here", DiagnosticIDs::Note);
        break;
      case ClientDataOrigin::Parameter:
        diag(SM.getFileLoc(O->Loc), "'%0' holds data from the client", DiagnosticIDs::Note)
            << O->Name;
        break;
      case ClientDataOrigin::PassedIn:
        diag(SM.getFileLoc(O->Loc), "'%0' holds data from the client", DiagnosticIDs::Note)
            << O->Name;
        diag(SM.getFileLoc(O->PassedAt), "the client's data is passed in here",
             DiagnosticIDs::Note);
        break;
      case ClientDataOrigin::UsedAsClient:
        diag(SM.getFileLoc(O->Loc), "'%0' uses this name as the client's object here",
             DiagnosticIDs::Note)
            << O->Name;
        break;
      }
    }
    if (A.Note == PrimaryAccess::EndedAt)
      diag(SM.getFileLoc(A.NoteLoc), "impersonation ends here", DiagnosticIDs::Note);
    else if (A.Note == PrimaryAccess::BeginsLaterAt)
      diag(SM.getFileLoc(A.NoteLoc), "the client is impersonated only after this, here",
           DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::impersonation
