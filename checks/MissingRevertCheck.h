#pragma once

#include "ImpersonationCheckBase.h"

namespace clang::tidy::impersonation {

/// Finds impersonation that is still in force when the function that began it returns:
/// one warning per begin, with a note at each leaking exit and at the branch decisions
/// that lead there.
class MissingRevertCheck : public ImpersonationCheckBase {
public:
  MissingRevertCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) override;

  const bool ReportThreadExit;
  const bool ReportComAutoRevert;
};

} // namespace clang::tidy::impersonation
