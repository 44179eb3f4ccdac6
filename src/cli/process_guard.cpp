#include "process_guard.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <pthread.h>
#include <set>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace kpitree::cli {

namespace {

using namespace std::chrono_literals;

constexpr int ending_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// What must not outlive us. Never destroyed: the signal thread may use it during exit.
struct Registry {
    std::mutex mutex;
    std::vector<pid_t> groups;
    std::vector<std::string> paths;
    int watchdog = -1; // write end of the watchdog's pipe, -1 before it is started
};

Registry& registry() {
    static Registry* r = new Registry;
    return *r;
}

// The watchdog: collects "group PID" / "path PATH" lines (and their "un" forms) until the pipe
// reads EOF, which happens when we exit in any way, then ends what is still registered.
const char watchdog_script[] = R"sh(trap '' INT HUP TERM QUIT PIPE
set -f
nl='
'
groups= paths=
while IFS= read -r line; do
  case $line in
    "group "*) groups="$groups ${line#group }" ;;
    "ungroup "*) keep=
      for g in $groups; do [ "$g" = "${line#ungroup }" ] || keep="$keep $g"; done
      groups=$keep ;;
    "path "*) paths="$paths$nl${line#path }" ;;
    "unpath "*) keep= IFS=$nl
      for p in $paths; do [ "$p" = "${line#unpath }" ] || keep="$keep$nl$p"; done
      unset IFS; paths=$keep ;;
  esac
done
for g in $groups; do kill -TERM -$g; done 2>/dev/null
[ -z "$groups" ] || sleep 2
for g in $groups; do kill -KILL -$g; done 2>/dev/null
IFS=$nl
for p in $paths; do rm -rf -- "$p"; done
)sh";

sigset_t ending_set() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : ending_signals)
        sigaddset(&set, sig);
    return set;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Our environment with the NAME=value entries of `changes` replacing or adding to it.
std::vector<std::string> environment(const std::vector<std::string>& changes) {
    std::vector<std::string> out = changes;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const auto name = entry.substr(0, entry.find('=') + 1);
        if (std::none_of(changes.begin(), changes.end(),
                         [&](const std::string& c) { return c.rfind(name, 0) == 0; }))
            out.push_back(entry);
    }
    return out;
}

// posix_spawn with default signal handling for the child (our blocked and ignored signals
// would otherwise be inherited), in a new process group, optionally with output to /dev/null
// and `stdin_fd` as standard input.
pid_t spawn(std::vector<std::string> args, bool quiet, const std::vector<std::string>& env = {},
            int stdin_fd = -1) {
    auto argv = pointers(args);
    auto env_strings = environment(env);
    auto envp = pointers(env_strings);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdin_fd >= 0)
        posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    if (quiet) {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    }
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults = ending_set();
    sigemptyset(&none);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                        POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        throw std::runtime_error("cannot start " + args[0]);
    return pid;
}

// Tells the watchdog a line, starting it first if needed. Caller holds the registry mutex.
// Best effort: without a watchdog only SIGKILL and crashes can leave something behind.
void tell_watchdog(Registry& r, const std::string& line) {
    if (r.watchdog < 0) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0)
            return;
        try {
            spawn({"/bin/sh", "-c", watchdog_script, "kpitree-watchdog"}, true, {}, fds[0]);
            r.watchdog = fds[1];
        } catch (const std::runtime_error&) {
            close(fds[1]);
        }
        close(fds[0]);
        if (r.watchdog < 0)
            return;
    }
    const std::string text = line + "\n";
    [[maybe_unused]] const ssize_t ignored = write(r.watchdog, text.data(), text.size());
}

// Reaps `leader` if it has exited. Returns its status (128 + signal, or 128 when another
// thread reaped it), nullopt while it runs.
std::optional<int> reap(pid_t leader) {
    int status = 0;
    const pid_t rc = waitpid(leader, &status, WNOHANG);
    if (rc == 0)
        return std::nullopt;
    if (rc < 0)
        return 128;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The state letter and process group of a process, from /proc/PID/stat; nullopt when gone.
std::optional<std::pair<char, pid_t>> state_and_group(const std::filesystem::path& process) {
    std::ifstream stat(process / "stat");
    std::string line;
    std::getline(stat, line);
    const auto after_name = line.rfind(')'); // the name in (...) may contain anything
    if (after_name == std::string::npos)
        return std::nullopt;
    std::istringstream fields(line.substr(after_name + 1));
    char state = 0;
    pid_t parent = 0, process_group = 0;
    if (!(fields >> state >> parent >> process_group))
        return std::nullopt;
    return std::make_pair(state, process_group);
}

// Whether a process of `group` still runs. Zombies do not count: they hold nothing, and an
// orphan's zombie waits for init, which may reap it late (about a second on the development VM,
// where each run's office left a gpgconf zombie that kept its group alive that long).
bool group_running(pid_t group) {
    if (kill(-group, 0) != 0 && errno == ESRCH)
        return false;
    std::error_code ec;
    for (const auto& process : std::filesystem::directory_iterator("/proc", ec)) {
        const auto found = state_and_group(process.path());
        if (found && found->second == group && found->first != 'Z' && found->first != 'X')
            return true;
    }
    return false;
}

// Waits up to `limit` until no process of `group` (whose leader is our child) runs.
bool wait_group_gone(pid_t group, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        reap(group);
        if (!group_running(group))
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(20ms);
    }
}

void stop_group(pid_t group) {
    kill(-group, SIGTERM);
    if (!wait_group_gone(group, 5s)) {
        kill(-group, SIGKILL);
        wait_group_gone(group, 5s);
    }
}

void remove_tree(const std::string& path) {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
}

// Cleans up what is registered and dies by `sig`. Holds the registry mutex to the end, so
// nothing new is started meanwhile.
[[noreturn]] void clean_up_and_die(int sig) {
    Registry& r = registry();
    r.mutex.lock();
    for (pid_t group : r.groups)
        stop_group(group);
    for (const auto& path : r.paths)
        remove_tree(path);
    std::signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
    raise(sig);
    _exit(128 + sig);
}

template <class T> void erase_value(std::vector<T>& values, const T& value) {
    values.erase(std::remove(values.begin(), values.end(), value), values.end());
}

// Registers `path` for removal. Caller holds the registry mutex.
void own(Registry& r, const std::string& path) {
    r.paths.push_back(path);
    tell_watchdog(r, "path " + path);
}

void disown_and_remove(const std::string& path) {
    remove_tree(path);
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    erase_value(r.paths, path);
    tell_watchdog(r, "unpath " + path);
}

// The socket inodes among the open files of the processes of process group `group`.
std::set<std::string> socket_inodes(pid_t group) {
    std::set<std::string> inodes;
    std::error_code ec;
    for (const auto& process : std::filesystem::directory_iterator("/proc", ec)) {
        const auto found = state_and_group(process.path());
        if (!found || found->second != group)
            continue;
        for (const auto& fd : std::filesystem::directory_iterator(process.path() / "fd", ec)) {
            const std::string target = std::filesystem::read_symlink(fd.path(), ec).string();
            if (target.rfind("socket:[", 0) == 0)
                inodes.insert(target.substr(8, target.size() - 9));
        }
    }
    return inodes;
}

} // namespace

void guard_process() {
    std::signal(SIGPIPE, SIG_IGN);
    const sigset_t set = ending_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set] {
        int sig = 0;
        while (sigwait(&set, &sig) != 0) {
        }
        clean_up_and_die(sig);
    }).detach();
}

ChildGroup::ChildGroup(const std::vector<std::string>& args, bool quiet,
                       const std::vector<std::string>& env) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    pid_ = spawn(args, quiet, env);
    r.groups.push_back(pid_);
    tell_watchdog(r, "group " + std::to_string(pid_));
}

std::vector<std::string> ChildGroup::socket_paths() const {
    const auto inodes = socket_inodes(pid_);
    std::vector<std::string> paths;
    std::ifstream table("/proc/net/unix"); // Num RefCount Protocol Flags Type St Inode Path
    std::string line;
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string field[8];
        for (auto& f : field)
            fields >> f;
        if (!field[7].empty() && field[7][0] == '/' && inodes.count(field[6]))
            paths.push_back(field[7]);
    }
    return paths;
}

ChildGroup::~ChildGroup() {
    end(0ms);
}

std::optional<int> ChildGroup::wait(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!status_) {
        status_ = reap(pid_);
        if (status_ || std::chrono::steady_clock::now() > deadline)
            break;
        std::this_thread::sleep_for(10ms);
    }
    return status_;
}

void ChildGroup::end(std::chrono::milliseconds grace) {
    if (ended_)
        return;
    wait(grace);
    if (!wait_group_gone(pid_, 0ms))
        stop_group(pid_);
    if (!status_)
        status_ = 128 + SIGTERM;
    ended_ = true;
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    erase_value(r.groups, pid_);
    tell_watchdog(r, "ungroup " + std::to_string(pid_));
}

OwnedPath::OwnedPath(const std::string& path) : path_(path) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    own(r, path_);
}

OwnedPath::~OwnedPath() {
    disown_and_remove(path_);
}

TempDir::TempDir(const std::string& prefix, const std::string& parent) {
    const char* tmp = std::getenv("TMPDIR");
    const std::string where = !parent.empty() ? parent : tmp && *tmp ? tmp : "/tmp";
    std::string pattern = where + "/" + prefix + "XXXXXX";
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("cannot create a temporary directory in " +
                                 pattern.substr(0, pattern.rfind('/')));
    path_ = pattern;
    own(r, path_);
}

TempDir::~TempDir() {
    disown_and_remove(path_);
}

} // namespace kpitree::cli
