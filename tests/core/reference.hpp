// The reference data that tests/reference/gen_*.py write: line-based text, the first word a
// key, then names or numbers; lines starting with '#' are comments.
#pragma once

#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace kpitree::testing {

// Calls `line(key, rest)` for every non-blank, non-comment line of tests/reference/<file>;
// returns the number of lines. A file that cannot be read fails the calling test.
inline std::size_t
for_each_reference_line(const std::string& file,
                        const std::function<void(const std::string&, std::istringstream&)>& line) {
    std::ifstream in(std::string(KPITREE_REFERENCE_DIR) + "/" + file);
    if (!in) {
        ADD_FAILURE() << "cannot read the reference file " << file;
        return 0;
    }
    std::size_t count = 0;
    for (std::string text; std::getline(in, text);) {
        std::istringstream rest(text);
        std::string key;
        rest >> key;
        if (key.empty() || key[0] == '#')
            continue;
        line(key, rest);
        ++count;
    }
    return count;
}

// The remaining words of a line as numbers ("nan" and "inf" included).
inline std::vector<double> numbers(std::istringstream& rest) {
    std::vector<double> v;
    for (std::string token; rest >> token;)
        v.push_back(std::stod(token));
    return v;
}

} // namespace kpitree::testing
