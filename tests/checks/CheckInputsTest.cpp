// One test per file under test-inputs/: runs the checks in process and compares every
// diagnostic with the file's CHECK-* expectations (tests/README.md).
#include "Expectations.h"
#include "InProcessRunner.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <ostream>

#ifndef IMPERSONATION_TEST_INPUTS_DIR
#error "IMPERSONATION_TEST_INPUTS_DIR must be defined"
#endif

namespace impersonation::test {
namespace {

std::string inputsRoot() { return testInputsRoot(IMPERSONATION_TEST_INPUTS_DIR); }

const std::vector<InputFile> &allInputs() {
  static const std::vector<InputFile> Files =
      namedInputs(inputsRoot(), findTestInputs(inputsRoot()));
  return Files;
}

class CheckInputs : public ::testing::TestWithParam<InputFile> {};

TEST_P(CheckInputs, Matches) {
  const InputFile &F = GetParam();
  TestInput In;
  std::string Error;
  ASSERT_TRUE(loadTestInput(F.Path, In, Error)) << Error;
  ASSERT_TRUE(In.Problems.empty()) << describeProblems(In);

  InProcessResult R = runInProcess(In);
  ASSERT_TRUE(R.SetupError.empty()) << F.Path << ": " << R.SetupError;

  Comparison C = compareDiags(In.Expected, R.Diags, In.Path);
  EXPECT_TRUE(C.ok()) << F.Path << ": diagnostics differ from the expectations\n"
                      << describe(C, In.Path);
}

INSTANTIATE_TEST_SUITE_P(TestInputs, CheckInputs, ::testing::ValuesIn(allInputs()),
                         inputName<::testing::TestParamInfo<InputFile>>);
// While test-inputs/ is empty the suite has no instances; TestInputsDir.HasFiles fails.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckInputs);

TEST(TestInputsDir, HasFiles) {
  EXPECT_FALSE(allInputs().empty())
      << "no test inputs (*.c, *.cpp, *.cc) under " << inputsRoot();
}

} // namespace
} // namespace impersonation::test
