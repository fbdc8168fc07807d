// Summaries by calling context, computed on demand by a FunctionRun (a recursive group
// gets three rounds), and reports(): which functions of the traversal scope are run,
// and which of them get a report.
#include "engine/FunctionRun.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::impersonation {

using namespace detail;

const Summary &
TranslationUnitAnalysis::Impl::summarize(const FunctionDecl *FD,
                                         const std::vector<std::pair<KeyId, AbsVal>> &Context) {
  ContextKey Key{FD, Context};
  if (auto It = Summaries.find(Key); It != Summaries.end())
    return It->second;
  if (auto It = InProgress.find(Key); It != InProgress.end()) {
    // Recursion: use the previous round's answer, or treat the call as unknown.
    RecursionHit[Key] = true;
    static const Summary UnknownSummary = [] {
      Summary S;
      Outcome O;
      S.Outcomes.push_back(O);
      return S;
    }();
    if (auto P = Summaries.find(Key); P != Summaries.end())
      return P->second;
    return UnknownSummary;
  }
  FactList Entry(Context.begin(), Context.end());
  Summary Result;
  for (unsigned Round = 0; Round < 3; ++Round) {
    InProgress.insert(Key);
    RecursionHit.erase(Key);
    Summary S;
    FunctionRun(*this, FD, Entry, S).run();
    InProgress.erase(Key);
    bool Recursive = RecursionHit.count(Key);
    bool Settled = !Recursive || (Round > 0 && S.Outcomes == Result.Outcomes);
    Result = std::move(S);
    if (Settled)
      break;
    if (Round == 2) {
      Result.Unknown = true;
      Result.Report.DebugNotes.push_back(
          {FD->getLocation(), "the recursion through '" + FD->getNameAsString() +
                                  "' did not settle in three rounds; its summary is unknown"});
      break;
    }
    // Give the next round this round's answer for the recursive calls.
    Summaries[Key] = Result;
  }
  Summaries[Key] = std::move(Result);
  return Summaries[Key];
}

const std::vector<FunctionReport> &TranslationUnitAnalysis::Impl::reports() {
  if (Done)
    return Reports;
  Done = true;
  // Every function definition of the traversal scope outside system headers, template
  // instantiations included; scanning their bodies finds lambdas and thread routines.
  std::vector<const FunctionDecl *> Functions;
  for (Decl *D : Ctx.getTraversalScope())
    collectFunctions(D, Functions);
  for (const FunctionDecl *FD : Functions)
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && MD->isVirtual() && definitionOf(MD) == MD)
      VirtualDefs.push_back(MD);
  for (size_t I = 0; I < Functions.size() || !Lambdas.empty(); ++I) {
    if (I >= Functions.size()) {
      Functions.insert(Functions.end(), Lambdas.begin(), Lambdas.end());
      Lambdas.clear();
    }
    if (I < Functions.size() && definitionOf(Functions[I]) == Functions[I])
      isRelevant(Functions[I]);
  }
  for (const FunctionDecl *FD : Functions)
    if (definitionOf(FD) == FD && isRelevant(FD))
      roots(FD);
  llvm::SmallPtrSet<const FunctionDecl *, 32> Seen;
  for (const FunctionDecl *FD : Functions) {
    if (!Seen.insert(FD).second || definitionOf(FD) != FD)
      continue;
    AllFunctions.push_back(FD);
    if (!isRelevant(FD))
      continue;
    // Only a function that may begin can leave impersonation in force: the others are
    // reported on by their callers, and analysed here for the identities at their calls.
    const Summary &S = summarize(FD, {});
    if (!Info[FD].MayBegin && !S.Report.SkipsRevert)
      continue;
    FunctionReport R = S.Report;
    R.Function = FD;
    Reports.push_back(std::move(R));
  }
  return Reports;
}

void TranslationUnitAnalysis::Impl::collectFunctions(const Decl *D,
                                                     std::vector<const FunctionDecl *> &Out) {
  if (!isa<TranslationUnitDecl>(D) && SM.isInSystemHeader(D->getLocation()))
    return;
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      Out.push_back(FD);
    return;
  }
  if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D)) {
    for (const FunctionDecl *Spec : FT->specializations())
      if (Spec->doesThisDeclarationHaveABody())
        Out.push_back(Spec);
    return;
  }
  if (const auto *CT = dyn_cast<ClassTemplateDecl>(D)) {
    for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
      collectFunctions(Spec, Out);
    return;
  }
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D); RD && RD->isDependentContext())
    return;
  if (const auto *DC = dyn_cast<DeclContext>(D))
    if (isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl, RecordDecl>(D))
      for (const Decl *Child : DC->decls())
        collectFunctions(Child, Out);
}

} // namespace clang::tidy::impersonation
