#include "ImpersonationCheckBase.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::impersonation {

namespace {
// The engine's options that count something: at least 1, defaults from EngineConfig.
struct CountOption {
  const char *Name;
  unsigned EngineConfig::*Field;
};
constexpr CountOption CountOptions[] = {
    {"MaxStatesPerPoint", &EngineConfig::MaxStatesPerPoint},
    {"AnalysisBudget", &EngineConfig::AnalysisBudget},
};
} // namespace

ImpersonationCheckBase::ImpersonationCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), OwnName(Name.str()),
      Debug(Options.getLocalOrGlobal("Debug", false)), TidyContext(Context) {
  Config.BeginFunctions = Options.getLocalOrGlobal("BeginFunctions", "").str();
  Config.EndFunctions = Options.getLocalOrGlobal("EndFunctions", "").str();
  Config.NeutralFunctions =
      Options.getLocalOrGlobal("NeutralFunctions", defaultNeutralFunctions()).str();
  // A bad value set for this check is this check's to report; one set for all the checks
  // is reported once, by the check that speaks for the engine.
  auto isLocal = [&](StringRef Option) { return Options.get(Option).has_value(); };
  for (const CountOption &O : CountOptions) {
    unsigned Default = EngineConfig().*O.Field;
    unsigned &Value = Config.*O.Field;
    Value = Options.getLocalOrGlobal(O.Name, Default);
    if (Value >= 1)
      continue;
    if (isLocal(O.Name))
      configurationDiag("invalid value '%0' for option '%1' of check '%2': it must be at "
                        "least 1; using %3")
          << Value << O.Name << Name << Default;
    Value = Default;
  }
  if (isLocal("BeginFunctions") || isLocal("EndFunctions") || isLocal("NeutralFunctions")) {
    ApiModel Probe(Config.BeginFunctions, Config.EndFunctions, Config.NeutralFunctions);
    for (const std::string &E : Probe.errors())
      configurationDiag("check '%0': %1") << Name << E;
  }
  if (speaksForTheEngine())
    checkGlobalOptions();
}

void ImpersonationCheckBase::checkGlobalOptions() {
  const ClangTidyOptions::OptionMap &All = TidyContext->getOptions().CheckOptions;
  auto global = [&](StringRef Option) -> std::optional<StringRef> {
    auto It = All.find(Option);
    return It == All.end() ? std::nullopt : std::optional<StringRef>(It->second.Value);
  };
  for (const CountOption &O : CountOptions)
    if (auto V = global(O.Name)) {
      unsigned N = 0;
      if (!V->trim().getAsInteger(10, N) && N < 1)
        configurationDiag("invalid value '%0' for option '%1' of the impersonation checks: "
                          "it must be at least 1; using %2")
            << N << O.Name << EngineConfig().*O.Field;
    }
  std::string Neutral = defaultNeutralFunctions();
  ApiModel Probe(global("BeginFunctions").value_or(""), global("EndFunctions").value_or(""),
                 global("NeutralFunctions").value_or(Neutral));
  for (const std::string &E : Probe.errors())
    configurationDiag("impersonation checks: %0") << E;
}

void ImpersonationCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "BeginFunctions", Config.BeginFunctions);
  Options.store(Opts, "EndFunctions", Config.EndFunctions);
  Options.store(Opts, "NeutralFunctions", Config.NeutralFunctions);
  for (const CountOption &O : CountOptions)
    Options.store(Opts, O.Name, Config.*O.Field);
  Options.store(Opts, "Debug", Debug);
}

void ImpersonationCheckBase::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void ImpersonationCheckBase::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  // A translation unit with errors has a partial AST: stay quiet rather than guess.
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  if (!Analysis)
    Analysis = TranslationUnitAnalysis::get(Ctx, Config);
  report(*Analysis, Ctx);
  if (Debug && speaksForTheEngine())
    noteEmptyMainFile(Ctx);
}

void ImpersonationCheckBase::noteEmptyMainFile(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::function<bool(const Decl *)> HasBody = [&](const Decl *D) {
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      D = FT->getTemplatedDecl();
    else if (const auto *CT = dyn_cast<ClassTemplateDecl>(D))
      D = CT->getTemplatedDecl();
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      return FD->doesThisDeclarationHaveABody() &&
             SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()));
    if (isa<NamespaceDecl, LinkageSpecDecl, CXXRecordDecl, ExportDecl>(D))
      return llvm::any_of(cast<DeclContext>(D)->decls(), HasBody);
    return false;
  };
  if (llvm::any_of(Ctx.getTranslationUnitDecl()->decls(), HasBody))
    return;
  diag(SM.getLocForStartOfFile(SM.getMainFileID()),
       "no function body is left in this file after preprocessing: nothing in it was "
       "analysed (are the macros it tests defined?)",
       DiagnosticIDs::Remark);
}

bool ImpersonationCheckBase::reportable(SourceLocation Loc, const SourceManager &SM) const {
  return Loc.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

SourceLocation ImpersonationCheckBase::diagLoc(const Stmt *E, const SourceManager &SM) {
  SourceLocation Loc = E->getBeginLoc();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    Loc = MC->getExprLoc();
  return SM.getFileLoc(Loc);
}

bool ImpersonationCheckBase::speaksForTheEngine() const {
  for (StringRef Check : ModuleChecks) {
    if (Check == OwnName)
      return true;
    if (isEnabled(Check))
      return false;
  }
  return true;
}

void ImpersonationCheckBase::reportNotAnalysed(TranslationUnitAnalysis &Analysis,
                                               const SourceManager &SM,
                                               StringRef WhatIsNotChecked) {
  if (!speaksForTheEngine())
    return;
  for (const FunctionReport &R : Analysis.reports()) {
    if (!R.NotAnalysed || !reportable(R.Function->getLocation(), SM))
      continue;
    std::string Name = "'" + R.Function->getQualifiedNameAsString() + "'";
    if (const auto *MD = dyn_cast<CXXMethodDecl>(R.Function); MD && MD->getParent()->isLambda())
      Name = "the lambda";
    diag(R.Function->getLocation(),
         "%0 uses impersonation but was not analysed: %1; %2 are not checked")
        << Name << *R.NotAnalysed << WhatIsNotChecked;
  }
}

void ImpersonationCheckBase::emitDebugNotes(TranslationUnitAnalysis &Analysis,
                                            const SourceManager &SM) {
  if (!Debug || !speaksForTheEngine())
    return;
  for (const FunctionReport &R : Analysis.reports())
    for (const PathNote &N : R.DebugNotes)
      if (reportable(N.Loc, SM))
        diag(N.Loc, "%0", DiagnosticIDs::Remark) << N.Text;
}

} // namespace clang::tidy::impersonation
