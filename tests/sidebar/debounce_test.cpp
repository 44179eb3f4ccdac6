#include "debounce.hpp"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

namespace kpitree::sidebar {
namespace {

using namespace std::chrono_literals;

TEST(Debouncer, APokeAfterAQuietPeriodFiresAtOnce) {
    // Regression: a single edit waited out the whole quiet period (400 ms in the panel) before
    // the sidebar refreshed, over issue 11's 300 ms for the whole refresh.
    std::atomic<int> fired{0};
    Debouncer debouncer(10s, [&] { ++fired; });
    debouncer.poke();
    for (int i = 0; i < 500 && fired.load() == 0; ++i)
        std::this_thread::sleep_for(10ms);
    EXPECT_EQ(fired.load(), 1); // within 5 s, not after 10
}

TEST(Debouncer, ManyPokesFireAtOnceAndOnceMoreAfterTheQuietPeriod) {
    std::atomic<int> fired{0};
    Debouncer debouncer(200ms, [&] { ++fired; });
    for (int i = 0; i < 10; ++i) {
        debouncer.poke();
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_EQ(fired.load(), 1); // the first poke; the others wait until typing stops
    std::this_thread::sleep_for(600ms);
    EXPECT_EQ(fired.load(), 2);
}

TEST(Debouncer, StopCancelsWhatIsPending) {
    std::atomic<int> fired{0};
    Debouncer debouncer(300ms, [&] { ++fired; });
    debouncer.poke(); // fires at once
    for (int i = 0; i < 500 && fired.load() == 0; ++i)
        std::this_thread::sleep_for(10ms);
    debouncer.poke(); // within the quiet period: pending
    debouncer.stop();
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(fired.load(), 1);
    debouncer.poke(); // ignored after stop
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(fired.load(), 1);
}

} // namespace
} // namespace kpitree::sidebar
