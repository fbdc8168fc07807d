// The clang-tidy module "impersonation": registers every check of this project.
#include "MissingRevertCheck.h"
#include "PrimaryTokenAccessCheck.h"
#include "SpawnWhileImpersonatingCheck.h"
#include "UncheckedResultCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy {
namespace impersonation {

class ImpersonationModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<MissingRevertCheck>(check_names::MissingRevert);
    Factories.registerCheck<PrimaryTokenAccessCheck>(check_names::PrimaryTokenAccess);
    Factories.registerCheck<SpawnWhileImpersonatingCheck>(check_names::SpawnWhileImpersonating);
    Factories.registerCheck<UncheckedResultCheck>(check_names::UncheckedResult);
  }
};

} // namespace impersonation

static ClangTidyModuleRegistry::Add<impersonation::ImpersonationModule>
    X("impersonation-module",
      "Checks for misuse of thread impersonation in service code.");

// Referenced by the tools that link the module statically, so the linker keeps it.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int ImpersonationModuleAnchorSource = 0;

} // namespace clang::tidy
