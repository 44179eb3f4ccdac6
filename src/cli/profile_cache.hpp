// Prepared office profiles, so that a run copies a profile (milliseconds) instead of installing
// the .oxt into a new one (about 1.3 s).
//
// Entries live in $XDG_CACHE_HOME/kpitree (else ~/.cache/kpitree), one directory per key: a
// hash of the .oxt's bytes and the office's version file, so a rebuilt extension or an updated
// office gets a new entry. An entry holds profile/ and shared/ as `unopkg add --shared` left
// them, and MANIFEST (every file with its size), written last. It is built in a staging
// directory registered with the process guard (a killed run leaves none behind) and renamed into
// place in one step, so concurrent runs never see half an entry; the first rename wins. Runs
// never write into an entry: each copies it into its own temporary directory and checks the copy
// against MANIFEST. An entry that disagrees with its manifest is moved aside and rebuilt;
// entries of other keys unused for a week and leftovers older than an hour are removed.
#pragma once

#include <functional>
#include <string>

namespace kpitree::cli {

// Installs the extension into a profile directory and a shared-packages directory (both paths
// absolute, not yet existing). Throws std::runtime_error when it fails.
using Installer = std::function<void(const std::string& profile, const std::string& shared)>;

// Fills `target`/profile and `target`/shared with a profile that has `oxt` installed: a copy of
// the cache entry for `oxt` and the office whose version file is `office_version_file`, built
// with `install` first when missing or broken. Without a usable cache directory (no HOME, a
// read-only or full disk) it runs `install` on `target` directly. Throws what `install` throws.
void provide_profile(const std::string& oxt, const std::string& office_version_file,
                     const std::string& target, const Installer& install);

} // namespace kpitree::cli
