#include "MissingRevertCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::impersonation {

MissingRevertCheck::MissingRevertCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {}

void MissingRevertCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(callee(functionDecl(hasName("::ImpersonateNamedPipeClient"))))
                         .bind("call"),
                     this);
}

void MissingRevertCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  diag(Call->getBeginLoc(), "placeholder");
}

void MissingRevertCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {}

} // namespace clang::tidy::impersonation
