#include "profile_cache.hpp"

#include "debug_log.hpp"
#include "process_guard.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <rtl/digest.h>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace kpitree::cli {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const char manifest_name[] = "MANIFEST";
// 2: the office has started once on the entry (first_start).
const char manifest_header[] = "kpitree prepared profile 2\n";
const char staging_marker[] = ".building-";
const char broken_marker[] = ".broken-";

std::optional<fs::path> cache_root() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/')
        return fs::path(xdg) / "kpitree";
    const char* home = std::getenv("HOME");
    if (home && *home == '/')
        return fs::path(home) / ".cache" / "kpitree";
    return std::nullopt;
}

// Feeds a file's bytes to `digest`; false if it cannot be read.
bool digest_file(rtlDigest digest, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        rtl_digest_update(digest, buffer.data(), sal_uInt32(in.gcount()));
    }
    return in.eof();
}

// The entry's name: SHA-1 of the .oxt's bytes and the office's version file, in hex.
std::string entry_key(const std::string& oxt, const std::string& office_version_file) {
    rtlDigest digest = rtl_digest_create(rtl_Digest_AlgorithmSHA1);
    const bool read = digest_file(digest, oxt);
    digest_file(digest, office_version_file); // a missing version file keys as empty
    sal_uInt8 bytes[RTL_DIGEST_LENGTH_SHA1];
    rtl_digest_get(digest, bytes, sizeof bytes);
    rtl_digest_destroy(digest);
    if (!read)
        throw fs::filesystem_error("cannot read", oxt, std::make_error_code(std::errc::io_error));
    std::string hex;
    for (const sal_uInt8 byte : bytes) {
        char text[3];
        std::snprintf(text, sizeof text, "%02x", unsigned(byte));
        hex += text;
    }
    return hex;
}

// Every regular file and symlink below `dir` (profile/ and shared/) with its size, sorted.
std::string manifest_of(const fs::path& dir) {
    std::vector<std::string> lines;
    for (const char* part : {"profile", "shared"})
        for (const auto& e : fs::recursive_directory_iterator(dir / part)) {
            const auto rel = fs::relative(e.path(), dir).string();
            if (e.is_symlink())
                lines.push_back("link " + rel + " -> " + fs::read_symlink(e.path()).string());
            else if (e.is_regular_file())
                lines.push_back(std::to_string(e.file_size()) + " " + rel);
        }
    std::sort(lines.begin(), lines.end());
    std::string text = manifest_header;
    for (const auto& line : lines)
        text += line + "\n";
    return text;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The manifest of a complete entry, or nullopt when `entry` is missing or incomplete.
std::optional<std::string> stored_manifest(const fs::path& entry) {
    std::error_code ec;
    if (!fs::is_regular_file(entry / manifest_name, ec))
        return std::nullopt;
    std::string text = read_text(entry / manifest_name);
    if (text.rfind(manifest_header, 0) != 0)
        return std::nullopt;
    return text;
}

// Moves `entry` aside (one rename, so no run copies half of it afterwards) and removes it.
void discard(const fs::path& entry) {
    const fs::path aside = entry.string() + broken_marker + std::to_string(getpid());
    std::error_code ec;
    fs::rename(entry, aside, ec);
    fs::remove_all(ec ? entry : aside, ec);
}

// Builds the entry `key` under `root` in a guarded staging directory and renames it into place.
// Losing the race to a concurrent run is fine: its entry is as good as ours. A failed first start
// is a filesystem_error, so that the run goes on without the cache.
void build_entry(const fs::path& root, const std::string& key, const ProfileStep& install,
                 const ProfileStep& first_start) {
    TempDir staging(key + staging_marker, root.string());
    const fs::path dir = staging.path();
    debug_log("preparing the profile " + key);
    install((dir / "profile").string(), (dir / "shared").string());
    // LibreOffice 25.2's `unopkg add --shared` leaves the user profile uncreated (7.4 creates
    // it): an empty one is what the office starts from then.
    fs::create_directories(dir / "profile");
    fs::create_directories(dir / "shared");
    try {
        first_start((dir / "profile").string(), (dir / "shared").string());
    } catch (const std::runtime_error& e) {
        debug_log(std::string("the first start on the prepared profile failed: ") + e.what());
        throw fs::filesystem_error(e.what(), dir, std::make_error_code(std::errc::io_error));
    }
    {
        std::ofstream manifest(dir / manifest_name, std::ios::binary);
        manifest << manifest_of(dir);
        if (!manifest.flush())
            throw fs::filesystem_error("cannot write", dir / manifest_name,
                                       std::make_error_code(std::errc::io_error));
    }
    std::error_code ec;
    fs::rename(dir, root / key, ec); // fails when a concurrent run got there first
    if (ec && ec != std::errc::directory_not_empty && ec != std::errc::file_exists)
        throw fs::filesystem_error("cannot store the prepared profile", dir, root / key, ec);
}

// Copies the entry into `target` and checks the copy against the manifest; false (and
// nothing left in `target`) when the entry is incomplete or changed under us.
bool copy_entry(const fs::path& entry, const fs::path& target) {
    const auto manifest = stored_manifest(entry);
    if (!manifest)
        return false;
    std::error_code ec;
    for (const char* part : {"profile", "shared"}) {
        fs::copy(entry / part, target / part,
                 fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
        if (ec)
            break;
    }
    if (!ec && manifest_of(target) == *manifest)
        return true;
    for (const char* part : {"profile", "shared"})
        fs::remove_all(target / part, ec);
    return false;
}

bool older_than(const fs::path& path, std::chrono::hours age) {
    std::error_code ec;
    const auto written = fs::last_write_time(path, ec);
    return !ec && fs::file_time_type::clock::now() - written > age;
}

// Removes entries of other keys unused for a week and staging or discarded directories that
// no live run can still own (an hour old). Best effort.
void prune(const fs::path& root, const std::string& key) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root, ec)) {
        const std::string name = e.path().filename().string();
        const bool leftover = name.find(staging_marker) != std::string::npos ||
                              name.find(broken_marker) != std::string::npos;
        if (leftover && older_than(e.path(), 1h))
            fs::remove_all(e.path(), ec);
        else if (!leftover && name != key && older_than(e.path(), 24h * 7))
            discard(e.path());
    }
}

// Copies the entry `key` into `target`, first replacing it when it is missing or damaged.
// Throws filesystem_error when even a new entry cannot be copied.
void copy_from_cache(const fs::path& root, const std::string& key, const fs::path& target,
                     const ProfileStep& install, const ProfileStep& first_start) {
    const fs::path entry = root / key;
    if (copy_entry(entry, target)) {
        debug_log("using the prepared profile " + key);
        return;
    }
    std::error_code ec;
    if (fs::exists(entry, ec))
        discard(entry);
    build_entry(root, key, install, first_start);
    if (!copy_entry(entry, target))
        throw fs::filesystem_error("cannot copy the prepared profile", entry,
                                   std::make_error_code(std::errc::io_error));
}

} // namespace

void provide_profile(const std::string& oxt, const std::string& office_version_file,
                     const std::string& target, const ProfileStep& install,
                     const ProfileStep& first_start) {
    std::optional<fs::path> root = cache_root();
    try {
        if (root) {
            fs::create_directories(*root);
            fs::permissions(*root, fs::perms::owner_all, fs::perm_options::replace);
            const std::string key = entry_key(oxt, office_version_file);
            copy_from_cache(*root, key, target, install, first_start);
            std::error_code ec;
            fs::last_write_time(*root / key, fs::file_time_type::clock::now(), ec); // last use
            prune(*root, key);
            return;
        }
    } catch (const fs::filesystem_error& e) {
        // No usable cache: install into the run's own directory as before.
        debug_log(std::string("no prepared profile: ") + e.what());
    }
    install((fs::path(target) / "profile").string(), (fs::path(target) / "shared").string());
}

} // namespace kpitree::cli
