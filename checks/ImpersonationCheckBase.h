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
  /// Whether another check of this run is enabled (one root cause, one warning).
  bool isEnabled(StringRef Check) const { return TidyContext->isCheckEnabled(Check); }
  /// Where a diagnostic about \p E goes: a member call at its member name, a location in
  /// a macro at the macro's use (clangd drops those inside a system header's macro).
  static SourceLocation diagLoc(const Stmt *E, const SourceManager &SM);
  /// Says which functions could not be analysed (and so what was not checked in them),
  /// unless one of the checks \p SaidBy is enabled and says it already.
  void reportNotAnalysed(TranslationUnitAnalysis &Analysis, const SourceManager &SM,
                         StringRef WhatIsNotChecked, ArrayRef<StringRef> SaidBy = {});
  /// Under the Debug option: where the engine lost precision or inferred a wrapper.
  void emitDebugNotes(const FunctionReport &R, const SourceManager &SM);

private:
  EngineConfig Config;
  bool Debug;
  ClangTidyContext *TidyContext;
  std::shared_ptr<TranslationUnitAnalysis> Analysis;
};

} // namespace clang::tidy::impersonation
