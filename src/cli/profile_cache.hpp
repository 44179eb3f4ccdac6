// Prepared office profiles, so that a run copies a profile (milliseconds) on which the office
// starts as on one it has used before, instead of installing the .oxt into a new one (about
// 1.3 s) and going through LibreOffice's first start (extension synchronisation and a restart,
// and on 7.4 the graphics render tests: seconds).
//
// Entries live in $XDG_CACHE_HOME/kpitree (else ~/.cache/kpitree), one directory per key: a
// hash of the .oxt's bytes and the office's version file, so a rebuilt extension or an updated
// office gets a new entry. An entry holds profile/ and shared/ as `unopkg add --shared` and then
// one start of the office on them (`first_start`) left them, and MANIFEST (every file with its
// size), written last. It is built in a staging directory registered with the process guard (a
// killed run leaves none behind) and renamed into place in one step, so concurrent runs never
// see half an entry; the first rename wins. Runs never write into an entry: each copies it into
// its own temporary directory and checks the copy against MANIFEST. (Its modification times
// do not matter: a copy with new times, or with the extension folder dated an hour ahead,
// started without a restart on 7.4 and 25.2; 7.4 synchronises the extensions at every start and
// restarts only when that changes the registration.) An entry that disagrees with its manifest is
// moved aside and rebuilt; entries of other keys unused for a week and leftovers older than an hour
// are removed. The manifest's first line names the entry's format: entries of an older format are
// rebuilt.
#pragma once

#include <functional>
#include <string>

namespace kpitree::cli {

// A step on a profile directory and a shared-packages directory (both paths absolute). Throws
// std::runtime_error when it fails.
using ProfileStep = std::function<void(const std::string& profile, const std::string& shared)>;

// Fills `target`/profile and `target`/shared with a profile that has `oxt` installed: a copy of
// the cache entry for `oxt` and the office whose version file is `office_version_file`, built
// when missing or broken by `install` (the extension into directories that do not exist yet)
// and then `first_start` (the office started once on them and ended cleanly). Without a usable
// cache directory (no HOME, a read-only or full disk), or when `first_start` fails, it runs
// `install` on `target` directly. Throws what `install` throws.
void provide_profile(const std::string& oxt, const std::string& office_version_file,
                     const std::string& target, const ProfileStep& install,
                     const ProfileStep& first_start);

} // namespace kpitree::cli
