// impersonation-tidy: the stock clang-tidy driver with the impersonation module built in.
#include "BuiltinModule.h"
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int argc, const char **argv) { return clang::tidy::clangTidyMain(argc, argv); }
