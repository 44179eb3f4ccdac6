// Tables and cell readers shared by several core test files.
#pragma once

#include "kpitree/model/table.hpp"

#include <cmath>
#include <string>
#include <variant>

namespace kpitree::testing {

// The text in a result cell, or "<not text>".
inline std::string text_at(const Grid& g, std::size_t r, std::size_t c = 0) {
    const auto* s = std::get_if<std::string>(&g.at(r, c));
    return s ? *s : std::string("<not text>");
}

// The number in a result cell, or NaN when it holds none.
inline double number_at(const Grid& g, std::size_t r, std::size_t c = 0) {
    const auto* d = std::get_if<double>(&g.at(r, c));
    return d ? *d : std::nan("");
}

inline bool is_number_at(const Grid& g, std::size_t r, std::size_t c = 0) {
    return std::holds_alternative<double>(g.at(r, c));
}

// The SPEC's example table (README "The tree table"): its identities are off by rounding in
// February (52 × 21154 = 1,100,008; 210 × 0.2476 = 51.996).
inline Grid spec_example() {
    return Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb"},
        {"Sales", "", "", 1000000.0, 1100000.0},
        {"Deals", "Sales", "*", 50.0, 52.0},
        {"Average order value", "Sales", "*", 20000.0, 21154.0},
        {"Meetings", "Deals", "*", 200.0, 210.0},
        {"Close rate", "Deals", "*", 0.25, 0.2476},
        {"Webinar attendance", "Meetings", "~", 310.0, 355.0},
    });
}

} // namespace kpitree::testing
