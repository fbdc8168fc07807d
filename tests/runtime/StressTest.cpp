// Stress: many threads, each switching between accounts thousands of times, checking after
// every switch that its identity and file access are exactly its own (no cross-talk from
// the other threads), that nothing is left after revert, and that capabilities come back.
//
// The default suite runs a small version (Stress.Small, about a second); Stress.Big skips
// unless asked for:
//   IMPERSONATION_STRESS=1 ctest --test-dir build -L runtime -R Stress.Big
// IMPERSONATION_STRESS_THREADS (default 32) and IMPERSONATION_STRESS_ITERATIONS (default
// 20000 per thread) size it.
#include "TestSupport.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace impersonation::testing;

namespace {

int openErrno(const std::string &path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return errno;
  close(fd);
  return 0;
}

long envOr(const char *name, long fallback) {
  const char *v = std::getenv(name);
  return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

class Stress : public RootedTest {
protected:
  void run(int threads, int iterations) {
    const char *names[] = {"alice", "bob", "carol", "mallory"};
    for (const char *n : names)
      ASSERT_TRUE(rt::makeFile(path(std::string(n) + ".txt"), n, account(n), 0600).ok());
    ASSERT_TRUE(rt::makeFile(path("root.txt"), "root", 0, 0, 0600).ok());
    const uint64_t caps = rt::effectiveCapabilities();
    const rt::Identity primary = rt::primaryToken().identity();
    std::atomic<long> failures{0}, switches{0};
    std::atomic<int> started{0};
    auto worker = [&](int id) {
      uint32_t seed = 2463534242u ^ static_cast<uint32_t>(id * 7919);
      auto next = [&] { // xorshift32
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        return seed;
      };
      auto fail = [&](const std::string &what) {
        if (failures++ < 20)
          ADD_FAILURE() << "thread " << id << ": " << what;
      };
      ++started;
      while (started.load() < threads) // everybody switches at the same time
        std::this_thread::yield();
      for (int i = 0; i < iterations; ++i) {
        int mine = static_cast<int>(next() % 4);
        int other = (mine + 1 + static_cast<int>(next() % 3)) % 4;
        rt::Token t = token(names[mine]);
        if (!rt::impersonate(t).ok()) {
          fail("impersonate failed");
          continue;
        }
        ++switches;
        if (rt::current() != t.identity())
          fail("identity after switch is " + rt::current().str());
        if (openErrno(path(std::string(names[mine]) + ".txt")) != 0)
          fail(std::string("cannot read own file as ") + names[mine]);
        if (openErrno(path(std::string(names[other]) + ".txt")) != EACCES)
          fail(std::string(names[mine]) + " can read " + names[other] + "'s file");
        if (openErrno(path("root.txt")) != EACCES)
          fail(std::string(names[mine]) + " can read root's file");
        if (rt::effectiveCapabilities() != 0)
          fail("capabilities while impersonating");
        rt::revert();
        if (rt::current() != primary)
          fail("identity after revert is " + rt::current().str());
        if (rt::effectiveCapabilities() != caps)
          fail("capabilities not restored");
        if ((i & 7) == 0 && openErrno(path("root.txt")) != 0)
          fail("service cannot read its own file after revert");
      }
    };
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
      pool.emplace_back(worker, i);
    for (std::thread &t : pool)
      t.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(switches.load(), static_cast<long>(threads) * iterations);
    EXPECT_EQ(rt::current(), primary); // the main thread never moved
  }
};

TEST_F(Stress, Small) { run(8, 4000); }

TEST_F(Stress, Big) {
  if (envOr("IMPERSONATION_STRESS", 0) == 0)
    GTEST_SKIP() << "set IMPERSONATION_STRESS=1 for the big stress test";
  run(static_cast<int>(envOr("IMPERSONATION_STRESS_THREADS", 32)),
      static_cast<int>(envOr("IMPERSONATION_STRESS_ITERATIONS", 20000)));
}

} // namespace
