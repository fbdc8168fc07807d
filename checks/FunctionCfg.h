// Builds the CFG the flow engine walks: clang's CFG, with `__try/__finally` lowered first
// (clang builds no CFG for a function that contains one).
#pragma once

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include <memory>
#include <string>

namespace clang::tidy::impersonation {

struct FunctionCfg {
  std::unique_ptr<CFG> Graph;           // null when the function could not be analysed
  std::unique_ptr<ParentMap> Parents;   // parents in the tree the graph was built from
  bool LoweredFinally = false;
  std::string Failure;                  // why Graph is null
};

/// The CFG of \p D's body, with implicit destructors and every expression as an element.
/// A `__finally` block is copied to every exit of its `__try` block: return, goto, break
/// and continue that leave it, `__leave`, and falling through. The AST is left as it was.
FunctionCfg buildFunctionCfg(const Decl *D, ASTContext &Ctx);

} // namespace clang::tidy::impersonation
