// Nothing left behind, whatever ends the command line. Every process group it starts (unopkg,
// soffice) and its temporary directory are registered here while they exist:
// - a signal thread turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a clean-up (end the groups,
//   remove the directory) followed by death by that same signal;
// - a watchdog process (a small shell reading a pipe whose write end only we hold) does the same
//   clean-up when we die in a way no handler sees (SIGKILL, a crash): the pipe then reads EOF;
// - SIGPIPE is ignored, so a write to a closed pipe fails instead of killing us mid-session.
// Normal and exceptional exits clean up through the RAII types below.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace kpitree::cli {

// Call first in main, before any other thread exists (threads inherit the blocked signals).
void guard_process();

// A process group started by us: `args` run with default signal handling in a new process
// group, registered with the guard. The destructor ends the whole group (see end()).
class ChildGroup {
public:
    // Throws std::runtime_error when the program cannot be started. `quiet`: output to
    // /dev/null. `env`: NAME=value entries replacing or adding to our environment.
    ChildGroup(const std::vector<std::string>& args, bool quiet,
               const std::vector<std::string>& env = {});
    ~ChildGroup();
    ChildGroup(const ChildGroup&) = delete;
    ChildGroup& operator=(const ChildGroup&) = delete;

    // The leader's exit status (128 + signal when a signal ended it) once it has exited;
    // nullopt if it still runs after `limit`.
    std::optional<int> wait(std::chrono::milliseconds limit);
    // Waits up to `grace` for the leader to exit on its own, then sends SIGTERM and later SIGKILL
    // to the group until none of its processes runs (zombies, which hold nothing and wait for
    // their parent or init to reap them, do not count). Idempotent.
    void end(std::chrono::milliseconds grace);
    // The paths of the unix sockets the group's processes have open (from /proc).
    std::vector<std::string> socket_paths() const;

private:
    pid_t pid_;
    std::optional<int> status_;
    bool ended_ = false;
};

// A file or directory registered with the guard and removed (with everything in it) by the
// destructor.
class OwnedPath {
public:
    explicit OwnedPath(const std::string& path);
    ~OwnedPath();
    OwnedPath(const OwnedPath&) = delete;
    OwnedPath& operator=(const OwnedPath&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// A fresh directory under `parent` (by default $TMPDIR, else /tmp), registered with the guard
// and removed with everything in it by the destructor (a no-op once it was renamed away).
class TempDir {
public:
    explicit TempDir(const std::string& prefix, const std::string& parent = {});
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

} // namespace kpitree::cli
