// impersonation-clangd: the stock clangd with the impersonation module built in, with
// large stacks (LargeStack.h) for the threads that parse.
#include "BuiltinModule.h"
#include "LargeStack.h"

#include <cerrno>
#include <dlfcn.h>
#include <pthread.h>

namespace clang::clangd {
// Defined in libclangdMain.a; Debian ships no header for it.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

// clangd parses on threads it starts itself: AsyncTaskRunner::runAsync
// (clangd/support/Threading.cpp) creates every worker (the AST and preamble of each open
// file, the background index) as llvm::thread with a fixed 8 MiB stack, and clangd
// offers no option for it. clangd calls noteBottomOfStack() on them, but clang's parser
// never checks the stack, so a deeply nested file overflows there. Those stack sizes
// reach pthread_attr_setstacksize through libLLVM's PLT; this definition in the
// executable comes first in the symbol lookup and raises every request below
// LargeStackSize to it. (Calls inside glibc do not come here; threads created without
// a size keep the default.)
extern "C" __attribute__((visibility("default"))) int
pthread_attr_setstacksize(pthread_attr_t *Attr, size_t Size) noexcept {
  using SetStackSize = int (*)(pthread_attr_t *, size_t);
  static const SetStackSize Real =
      reinterpret_cast<SetStackSize>(dlsym(RTLD_NEXT, "pthread_attr_setstacksize"));
  if (!Real)
    return ENOSYS;
  return Real(Attr, Size < impersonation::LargeStackSize ? impersonation::LargeStackSize
                                                          : Size);
}

// The main thread reads and answers LSP messages, and does all the work under -sync
// and --check: it runs on a large stack too.
int main(int argc, char *argv[]) {
  return impersonation::runOnLargeStack(
      [&] { return clang::clangd::clangdMain(argc, argv); });
}
