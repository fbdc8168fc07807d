// Shared fixtures for the runtime tests.
#pragma once

#include "impersonation/monitor.h"
#include "impersonation/runtime.h"

#include <gtest/gtest.h>

#include <memory>

namespace impersonation::testing {

namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;

#define IMPRT_REQUIRE_IMPERSONATION()                                                      \
  do {                                                                                     \
    if (!::impersonation::rt::canImpersonate())                                           \
      GTEST_SKIP() << ::impersonation::rt::impersonationUnavailableReason();              \
  } while (0)

// A test with its own Windows root and a clean monitor; the thread is back on the primary
// identity afterwards whatever the test did.
class RootedTest : public ::testing::Test {
protected:
  void SetUp() override {
    IMPRT_REQUIRE_IMPERSONATION();
    root_ = std::make_unique<rt::TempRoot>();
    ASSERT_TRUE(root_->ok());
    monitor::reset();
  }
  void TearDown() override {
    rt::revert();
    monitor::endRequest();
    root_.reset();
  }
  std::string path(const std::string &relative) const { return *root_ / relative; }
  const rt::Account &account(const char *name) const { return *rt::findAccount(name); }
  rt::Token token(const char *name, rt::Level level = rt::Level::Impersonate) const {
    return rt::accountToken(name, level).value();
  }
  // alice's and bob's pay stubs: each readable by its owner only.
  void makeStubs() {
    ASSERT_TRUE(rt::makeDir(path("stubs"), 0, 0, 0755).ok());
    ASSERT_TRUE(rt::makeFile(path("stubs/alice.stub"), "alice pay", account("alice"), 0600).ok());
    ASSERT_TRUE(rt::makeFile(path("stubs/bob.stub"), "bob pay", account("bob"), 0600).ok());
  }
  std::unique_ptr<rt::TempRoot> root_;
};

} // namespace impersonation::testing
