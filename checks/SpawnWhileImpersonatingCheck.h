#pragma once

#include "ImpersonationCheckBase.h"

namespace clang::tidy::impersonation {

/// Finds processes, threads and pool work started while the thread impersonates: they run
/// with the service's primary token, never the impersonation token.
class SpawnWhileImpersonatingCheck : public ImpersonationCheckBase {
public:
  using ImpersonationCheckBase::ImpersonationCheckBase;

private:
  void report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) override;
};

} // namespace clang::tidy::impersonation
