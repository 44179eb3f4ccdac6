// Calls a function for input without calling it for every poke: a poke after a quiet period
// fires at once (a single edit shows without waiting), and pokes that follow it within the quiet
// period fire once more when input has been quiet for that long (a burst of edits, a paste, a
// macro: one refresh at the start and one at the end, not one per cell). The function runs on
// the debouncer's own thread, so it must only hand the work over (the panel posts an
// AsyncCallback to the office's main thread).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kpitree::sidebar {

class Debouncer {
public:
    Debouncer(std::chrono::milliseconds quiet, std::function<void()> fire);
    ~Debouncer();
    Debouncer(const Debouncer&) = delete;
    Debouncer& operator=(const Debouncer&) = delete;

    // Fires at once when the last poke is at least the quiet period ago; else (re)starts the
    // quiet period, and `fire` runs once when it ends without another poke.
    void poke();
    // Cancels what is pending and ends the thread; `fire` is not called after this returns.
    void stop();

private:
    void run();

    const std::chrono::milliseconds quiet_;
    const std::function<void()> fire_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool pending_ = false;
    bool stopping_ = false;
    std::chrono::steady_clock::time_point due_;
    std::chrono::steady_clock::time_point last_poke_{}; // the epoch: the first poke fires at once
    std::thread thread_;                                // last: starts after the members it uses
};

} // namespace kpitree::sidebar
