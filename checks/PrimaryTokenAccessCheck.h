#pragma once

#include "ImpersonationCheckBase.h"

namespace clang::tidy::impersonation {

/// Finds objects the client named (a path, key, command line or process id from the
/// client's request) that the service opens while it does not act as the client: before
/// the begin, after the end, or in a handler that never impersonates.
class PrimaryTokenAccessCheck : public ImpersonationCheckBase {
public:
  PrimaryTokenAccessCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) override;

  const std::string RequestHandlers;
  const bool StrictMode;
  bool HandlersValid = true;
};

} // namespace clang::tidy::impersonation
