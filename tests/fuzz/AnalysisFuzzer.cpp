// libFuzzer target: mutated service code through clang's parser and the shared analysis
// (every check's engine work: reports, then the operation report), without clang-tidy's
// driver, so that an input costs milliseconds. Each input is C, compiled after a prelude
// that declares the Win32 names the api table knows (no system header: parsing
// <windows.h> would cost a second per input). A crash, a sanitizer report or a run past
// its budget that hangs is a finding; tests/fuzz/README.md says how to turn one into a
// test-input.
#include "ImpersonationAnalysis.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace clang;
namespace imp = clang::tidy::impersonation;

const char *const Prelude = R"(typedef int BOOL; typedef unsigned long DWORD; typedef long LONG;
typedef LONG HRESULT; typedef LONG NTSTATUS; typedef long RPC_STATUS; typedef void *HANDLE;
typedef void *RPC_BINDING_HANDLE; typedef unsigned short WCHAR; typedef unsigned char BYTE;
BOOL ImpersonateNamedPipeClient(HANDLE pipe); BOOL ImpersonateLoggedOnUser(HANDLE token);
BOOL ImpersonateSelf(int level); BOOL SetThreadToken(HANDLE *thread, HANDLE token);
BOOL RevertToSelf(void); RPC_STATUS RpcImpersonateClient(RPC_BINDING_HANDLE b);
RPC_STATUS RpcRevertToSelf(void); HRESULT CoImpersonateClient(void);
HRESULT CoRevertToSelf(void); DWORD GetLastError(void); void ExitProcess(unsigned code);
HANDLE CreateFileW(const WCHAR *name, DWORD access, DWORD share, void *sa, DWORD disp,
                   DWORD flags, HANDLE tmpl);
BOOL CloseHandle(HANDLE h); BOOL DeleteFileW(const WCHAR *name);
BOOL CreateProcessW(const WCHAR *app, WCHAR *cmd, void *pa, void *ta, BOOL inherit,
                    DWORD flags, void *env, const WCHAR *dir, void *si, void *pi);
HANDLE CreateThread(void *sa, unsigned long stack, DWORD (*start)(void *), void *arg,
                    DWORD flags, DWORD *id);
#line 1 "input.c"
)";

class AnalyseAll : public ASTConsumer {
public:
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // As the checks do: a translation unit with errors is not analysed.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    imp::EngineConfig Config;
    Config.AnalysisBudget = 200000; // the fuzzer's inputs are small: a hang is a bug
    auto Analysis = imp::TranslationUnitAnalysis::get(Ctx, Config);
    Analysis->reports();
    Analysis->operations(imp::OperationQuery{});
  }
};

class AnalyseAction : public ASTFrontendAction {
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    return std::make_unique<AnalyseAll>();
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Code = Prelude;
  Code.append(reinterpret_cast<const char *>(Data), Size);
  std::vector<std::string> Args = {"-x", "c", "--target=x86_64-w64-mingw32", "-fms-extensions",
                                   "-fsyntax-only", "-w", "-ferror-limit=5"};
  tooling::runToolOnCodeWithArgs(std::make_unique<AnalyseAction>(), Code, Args, "input.c");
  return 0;
}
