// KPI.WHATIF: a scenario on a KPI tree. Some KPIs take new values (absolute, or relative to their
// value in the period); every parent is recomputed through the tree's arithmetic.
// Status texts and the value of an empty cell: planning.hpp.
#pragma once

#include "kpitree/model/tree.hpp"
#include "kpitree/plan/planning.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace kpitree {

struct WhatIfChange {
    std::size_t node = 0;
    double amount = 0;     // the new value, or the relative change (0.1 = +10%)
    bool relative = false; // amount is relative to the node's value in the period
};

struct WhatIfRow {
    PlanValue value;              // the value after the changes, or why there is none
    std::optional<double> change; // value − current value, where both exist
};

// The scenario in `period` (default: the latest period in which a KGI has a value). A changed
// leaf takes its new value; a changed parent's change is spread over its arithmetic subtree as
// KPI.TARGET spreads a KGI's (constants keep their values). Every parent above a change is
// recomputed from its children (f(children)); rows no change reaches keep their values, and a
// ~ link does not carry a change to its parent. A parent whose own value disagrees with its
// children by more than 1 % (see KPI.CHECK) cannot be recomputed: it and the rows above it say
// MISMATCH. All or nothing: a change to a constant, to an unusable row, to a row without a value
// (relative), or to a row below another changed row makes every row ERROR naming it.
std::vector<WhatIfRow> what_if(const Tree& tree, const std::vector<WhatIfChange>& changes,
                               std::optional<std::size_t> period = std::nullopt);

} // namespace kpitree
