// What every impersonation check shares: the engine options (read locally or globally, so
// all checks can agree on one analysis), the shared analysis of the translation unit, and
// the debug output.
#pragma once

#include "ImpersonationAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::impersonation {

class ImpersonationCheckBase : public ClangTidyCheck {
public:
  ImpersonationCheckBase(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override { Analysis.reset(); }

protected:
  /// Words the answers of the shared analysis for one check.
  virtual void report(TranslationUnitAnalysis &Analysis, ASTContext &Ctx) = 0;
  /// Whether diagnostics at \p Loc are ours to give (never in system headers).
  bool reportable(SourceLocation Loc, const SourceManager &SM) const;
  bool debug() const { return Debug; }
  /// Under the Debug option: where the engine lost precision or inferred a wrapper.
  void emitDebugNotes(const FunctionReport &R, const SourceManager &SM);

private:
  EngineConfig Config;
  bool Debug;
  std::shared_ptr<TranslationUnitAnalysis> Analysis;
};

} // namespace clang::tidy::impersonation
