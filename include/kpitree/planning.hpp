// Planning on a KPI tree: contributions to the KGI's change (KPI.CONTRIB, contrib.hpp), targets
// cascaded from a KGI target (KPI.TARGET, target.hpp), roll-ups to coarser periods (KPI.ROLLUP,
// rollup.hpp) and elasticities (KPI.ELASTICITY, elasticity.hpp). Each function answers for every
// node (Tree::nodes order) with a number or a status text whose first word is a fixed English
// token (see Status). The tree arithmetic is combine() from check.hpp; a node with an empty value
// cell uses f(children) for that period. This header holds what the four share and includes
// their headers, so that it alone gives all the planning functions.
#pragma once

#include "kpitree/tree.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kpitree {

// First words of the status texts of the planning functions.
enum class Status {
    error,       // "ERROR": the row, its parent chain or a needed child is unusable
    nodata,      // "NODATA": a needed value is missing in the period
    hypothesis,  // "HYPOTHESIS": on or below a ~ link, outside the arithmetic
    undefined,   // "UNDEFINED": the quantity does not exist here (zero base, ratio without base)
    unreachable, // "UNREACHABLE": no values of the flexible KPIs reproduce the target
    mismatch     // "MISMATCH": the parent's identity fails beyond the tolerance
};
std::string_view status_token(Status status);
// "TOKEN detail", e.g. status_message(Status::nodata, "'Deals' has no value in Feb").
std::string status_message(Status status, std::string_view detail);

// A number, or the status saying why there is none (`status` empty exactly when `value` set).
struct PlanValue {
    std::optional<double> value;
    std::string status;
};

// The last period in which `node` has a value in the table; nullopt if none.
std::optional<std::size_t> last_period_with_data(const Tree& tree, std::size_t node);

} // namespace kpitree

// After the shared declarations above, which these headers use.
#include "kpitree/contrib.hpp"
#include "kpitree/elasticity.hpp"
#include "kpitree/rollup.hpp"
#include "kpitree/target.hpp"
