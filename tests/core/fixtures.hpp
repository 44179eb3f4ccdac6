// Tables shared by several core test files.
#pragma once

#include "kpitree/model/table.hpp"

namespace kpitree::testing {

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
