#pragma once

#include "ImpersonationCheckBase.h"

namespace clang::tidy::impersonation {

/// Finds begins whose failure the code does not notice before it goes on to open, change
/// or start something: that work then runs with the service's own token. Optionally,
/// reverts whose result is dropped.
class UncheckedResultCheck : public ImpersonationCheckBase {
public:
  UncheckedResultCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) override;

  const bool CheckRevertResult;
};

} // namespace clang::tidy::impersonation
