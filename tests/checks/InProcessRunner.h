// Runs the impersonation checks in this process over one test input, through the
// clang-tidy library API (runClangTidy), as the clang-tidy driver would.
#pragma once

#include "Expectations.h"
#include <string>
#include <vector>

namespace impersonation::test {

struct InProcessResult {
  std::vector<Diag> Diags;
  /// Set when the run could not be set up as the file asks (no check enabled, an
  /// option no enabled check knows); the file then fails with this text.
  std::string SetupError;
};

/// Runs the checks \p In asks for over \p In.Path with its compiler arguments, plus
/// -resource-dir (clang's builtin headers) unless the arguments name one.
InProcessResult runInProcess(const TestInput &In);

} // namespace impersonation::test
