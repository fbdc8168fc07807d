// Shared by the front ends that link the impersonation module statically: the stack
// size clang's parser gets in our executables.
#pragma once

#include "llvm/Support/thread.h"
#include <optional>
#include <utility>

namespace impersonation {

/// 256 MiB. clang's parser recurses once per nesting level without a guard (about 7 KiB
/// a level of parentheses: stock clang-22 overflows its 8 MiB main stack near 1,100
/// levels); generated code nests deeper. This is address space reserved for the thread,
/// not memory: pages are committed only as the recursion touches them, so a normal file
/// costs what it costs on 8 MiB. 256 MiB takes tens of thousands of levels and is still
/// small next to a 64-bit address space, even once per clangd worker thread.
inline constexpr unsigned LargeStackSize = 256u << 20;

/// Runs \p Body on a new thread with a LargeStackSize stack, waits for it and returns
/// what it returned. clang's own guard (runWithSufficientStackSpace, clang/Basic/Stack.h)
/// cannot replace this: it wraps some deep recursions (template instantiation, ...) but
/// not the parser's expression recursion, and it measures against its fixed 8 MiB
/// DesiredStackSize from the bottom that ASTFrontendAction::ExecuteAction notes.
template <typename Fn> int runOnLargeStack(Fn &&Body) {
  int Result = 1;
  llvm::thread Thread(std::optional<unsigned>(LargeStackSize),
                      [&] { Result = std::forward<Fn>(Body)(); });
  Thread.join();
  return Result;
}

} // namespace impersonation
