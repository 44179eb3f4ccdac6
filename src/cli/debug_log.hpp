// The command line's trace of what it starts and reuses: one "kpitree: ..." line on stderr per
// step when $KPITREE_DEBUG is set (which also shows the office's own output), nothing otherwise.
// Tests read it to see which processes a run started.
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>

namespace kpitree::cli {

inline bool debugging() {
    return std::getenv("KPITREE_DEBUG") != nullptr;
}

inline void debug_log(const std::string& line) {
    if (debugging())
        std::cerr << "kpitree: " << line << std::endl;
}

} // namespace kpitree::cli
