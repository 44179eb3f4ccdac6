// Calls a function once input has been quiet for a while: the sidebar refreshes after the user
// stops typing, not on every keystroke. The function runs on the debouncer's own thread, so it
// must only hand the work over (the panel posts an AsyncCallback to the office's main thread).
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

    // (Re)starts the quiet period; `fire` runs once when it ends without another poke.
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
    std::thread thread_; // last: starts after the members it uses
};

} // namespace kpitree::sidebar
