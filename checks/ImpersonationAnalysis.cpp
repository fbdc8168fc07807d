// The public entry points of the flow engine. Its pieces are in engine/: the shared
// analysis in AnalysisImpl.h, one function's run in FunctionRun.h.
#include "ImpersonationAnalysis.h"

#include "engine/AnalysisImpl.h"
#include <mutex>

namespace clang::tidy::impersonation {

const OperationReport &TranslationUnitAnalysis::operations(const OperationQuery &Query) {
  I->reports();
  auto Key = std::make_pair(Query.RequestHandlers, Query.StrictMode);
  auto It = I->OperationReports.find(Key);
  if (It == I->OperationReports.end())
    It = I->OperationReports.emplace(Key, I->computeOperations(Query)).first;
  return It->second;
}

TranslationUnitAnalysis::TranslationUnitAnalysis(ASTContext &Ctx, const EngineConfig &Config)
    : I(std::make_unique<Impl>(Ctx, Config)) {}
TranslationUnitAnalysis::~TranslationUnitAnalysis() = default;

const std::vector<FunctionReport> &TranslationUnitAnalysis::reports() { return I->reports(); }

std::shared_ptr<TranslationUnitAnalysis>
TranslationUnitAnalysis::get(ASTContext &Ctx, const EngineConfig &Config) {
  // clangd builds several translation units at once, on several threads.
  static std::mutex Lock;
  static std::map<std::pair<const ASTContext *, EngineConfig>, std::weak_ptr<TranslationUnitAnalysis>>
      Live;
  std::lock_guard<std::mutex> Guard(Lock);
  auto Key = std::make_pair(&Ctx, Config);
  if (auto It = Live.find(Key); It != Live.end())
    if (auto Shared = It->second.lock())
      return Shared;
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  auto Shared = std::make_shared<TranslationUnitAnalysis>(Ctx, Config);
  Live[Key] = Shared;
  return Shared;
}

} // namespace clang::tidy::impersonation
