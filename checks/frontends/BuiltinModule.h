// Shared by the front ends that link the impersonation module statically.
#pragma once

namespace clang::tidy {
// Defined in ImpersonationTidyModule.cpp.
extern volatile int ImpersonationModuleAnchorSource;
} // namespace clang::tidy

// Referencing the anchor keeps the module's registration in a static link.
[[maybe_unused]] static int ImpersonationModuleAnchorDestination =
    clang::tidy::ImpersonationModuleAnchorSource;

// Exported from the executable: tells the --load plugin the module is built in.
extern "C" __attribute__((visibility("default"))) const int
    impersonation_tidy_builtin_module = 1;
