// main() of both test programs: gtest's, plus one rule. ctest runs each test through
// --gtest_filter with the list it gathered when it started; if a test input was renamed
// or removed since, the filter matches nothing, and that must fail, not pass.
#include <cstdio>
#include <gtest/gtest.h>
#include <string>

int main(int argc, char **argv) {
  ::testing::InitGoogleTest(&argc, argv);
  int Result = RUN_ALL_TESTS();
  const std::string Filter = GTEST_FLAG_GET(filter);
  if (Result == 0 && !GTEST_FLAG_GET(list_tests) && Filter != "*" && !Filter.empty() &&
      ::testing::UnitTest::GetInstance()->test_to_run_count() == 0) {
    std::fprintf(stderr,
                 "no test matches --gtest_filter=%s: the test inputs changed since the tests "
                 "were listed; run ctest again\n",
                 Filter.c_str());
    return 1;
  }
  return Result;
}
