#include "debounce.hpp"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

namespace kpitree::sidebar {
namespace {

using namespace std::chrono_literals;

TEST(Debouncer, ManyPokesFireOnceAfterTheQuietPeriod) {
    std::atomic<int> fired{0};
    Debouncer debouncer(100ms, [&] { ++fired; });
    for (int i = 0; i < 10; ++i) {
        debouncer.poke();
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_EQ(fired.load(), 0); // still typing
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(fired.load(), 1);
}

TEST(Debouncer, StopCancelsWhatIsPending) {
    std::atomic<int> fired{0};
    Debouncer debouncer(50ms, [&] { ++fired; });
    debouncer.poke();
    debouncer.stop();
    std::this_thread::sleep_for(150ms);
    EXPECT_EQ(fired.load(), 0);
    debouncer.poke(); // ignored after stop
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(fired.load(), 0);
}

} // namespace
} // namespace kpitree::sidebar
