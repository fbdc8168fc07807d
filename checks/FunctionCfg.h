// Builds the CFG the flow engine walks: clang's CFG, with `__try/__finally` lowered first
// (clang builds no CFG for a function that contains one).
#pragma once

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <memory>
#include <string>

namespace clang::tidy::impersonation {

/// An object with a destructor, in scope at some statement; innermost first.
struct LiveObject {
  const VarDecl *Var;
  const LiveObject *Next;
};

/// What the engine needs to know about a statement the graph can hold as an element
/// (calls, assignments, unary operators, declarations, returns, lambdas, throws, `?:`).
struct StmtInfo {
  const Stmt *Root = nullptr;       // its full expression, return or declaration
  const Stmt *Try = nullptr;        // innermost try / __try-__except whose try block holds it
  bool CallArgument = false;        // an operand of a call, through parens and casts
  const LiveObject *Live = nullptr; // objects with destructors in scope
};

struct FunctionCfg {
  std::unique_ptr<CFG> Graph;           // null when the function could not be analysed
  llvm::DenseMap<const Stmt *, StmtInfo> Index; // over the tree the graph was built from
  llvm::DenseMap<const Stmt *, const LiveObject *> LiveAtTry; // in scope where a try begins
  std::deque<LiveObject> LiveStore;
  std::string Failure;                  // why Graph is null
};

/// The CFG of \p D's body, with implicit destructors and every expression as an element.
/// A `__finally` block is copied to every exit of its `__try` block: return, goto, break
/// and continue that leave it, `__leave`, and falling through. The AST is left as it was.
FunctionCfg buildFunctionCfg(const Decl *D, ASTContext &Ctx);

} // namespace clang::tidy::impersonation
