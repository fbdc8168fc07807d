#pragma once
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::impersonation {

/// Finds impersonation that is still in force when the function that started it returns.
class MissingRevertCheck : public ClangTidyCheck {
public:
  MissingRevertCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
};

} // namespace clang::tidy::impersonation
