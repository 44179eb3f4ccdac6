#include "debounce.hpp"

#include <utility>

namespace kpitree::sidebar {

Debouncer::Debouncer(std::chrono::milliseconds quiet, std::function<void()> fire)
    : quiet_(quiet), fire_(std::move(fire)), thread_([this] { run(); }) {}

Debouncer::~Debouncer() {
    stop();
}

void Debouncer::poke() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return;
        const auto now = std::chrono::steady_clock::now();
        // After a quiet period: at once; within one: when input pauses.
        due_ = !pending_ && now - last_poke_ >= quiet_ ? now : now + quiet_;
        last_poke_ = now;
        pending_ = true;
    }
    wake_.notify_one();
}

void Debouncer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        pending_ = false;
    }
    wake_.notify_one();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id())
        thread_.join();
}

void Debouncer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || pending_; });
        // Wait for the deadline, which moves on every poke.
        while (!stopping_ && pending_ && std::chrono::steady_clock::now() < due_)
            wake_.wait_until(lock, due_);
        if (stopping_)
            return;
        if (!pending_)
            continue;
        pending_ = false;
        // Under the lock, so stop() cannot return while `fire_` runs.
        fire_();
    }
}

} // namespace kpitree::sidebar
