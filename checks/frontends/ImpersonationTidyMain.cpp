// impersonation-tidy: the stock clang-tidy driver with the impersonation module built in,
// run whole on a thread with a large stack (LargeStack.h): parsing, matching and the
// analysis of every file happen there, so a deeply nested file does not overflow the
// 8 MiB main stack as it does in stock clang-tidy.
#include "BuiltinModule.h"
#include "LargeStack.h"
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int argc, const char **argv) {
  return impersonation::runOnLargeStack(
      [&] { return clang::tidy::clangTidyMain(argc, argv); });
}
