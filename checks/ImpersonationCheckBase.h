// What every impersonation check shares: the engine options (read locally or globally, so
// all checks can agree on one analysis), the shared analysis of the translation unit, and
// the debug output.
#pragma once

#include "ImpersonationAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::impersonation {

/// The names of the module's checks.
namespace check_names {
inline constexpr llvm::StringLiteral MissingRevert = "impersonation-missing-revert";
inline constexpr llvm::StringLiteral UncheckedResult = "impersonation-unchecked-result";
inline constexpr llvm::StringLiteral PrimaryTokenAccess = "impersonation-primary-token-access";
inline constexpr llvm::StringLiteral SpawnWhileImpersonating =
    "impersonation-spawn-while-impersonating";
} // namespace check_names

/// The module's checks, in the order the first one enabled speaks for the shared engine.
inline constexpr llvm::StringLiteral ModuleChecks[] = {
    check_names::MissingRevert, check_names::UncheckedResult,
    check_names::PrimaryTokenAccess, check_names::SpawnWhileImpersonating};

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
  /// if this check speaks for the engine.
  void reportNotAnalysed(TranslationUnitAnalysis &Analysis, const SourceManager &SM,
                         StringRef WhatIsNotChecked);
  /// Under the Debug option: where the engine lost precision or inferred a wrapper, for
  /// every function, if this check speaks for the engine.
  void emitDebugNotes(TranslationUnitAnalysis &Analysis, const SourceManager &SM);

private:
  /// Under the Debug option: a main file that holds no function body after
  /// preprocessing (all of it under a macro that is not defined) is said to be so, never
  /// passed as clean in silence.
  void noteEmptyMainFile(ASTContext &Ctx);

  /// What the shared engine says of itself (functions not analysed, debug remarks) is
  /// said once: by the first enabled check of the module, in registration order.
  bool speaksForTheEngine() const;
  /// Reports bad values of the engine options set for all the checks.
  void checkGlobalOptions();

  std::string OwnName;
  EngineConfig Config;
  bool Debug;
  ClangTidyContext *TidyContext;
  std::shared_ptr<TranslationUnitAnalysis> Analysis;
};

} // namespace clang::tidy::impersonation
