// Planning on a KPI tree: contributions to the KGI's change (KPI.CONTRIB, contrib.hpp), targets
// cascaded from a KGI target (KPI.TARGET, target.hpp), roll-ups to coarser periods (KPI.ROLLUP,
// rollup.hpp) and elasticities (KPI.ELASTICITY, elasticity.hpp). Each function answers for every
// node (Tree::nodes order) with a number or a status text whose first word is a fixed English
// token (status.hpp). The tree arithmetic is combine() from check.hpp; a node with an empty value
// cell uses f(children) for that period. This header holds what the four share; each has its
// own header, and kpitree.hpp includes them all.
#pragma once

#include "kpitree/model/status.hpp"
#include "kpitree/model/tree.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kpitree {

// A number, or the status saying why there is none (`status` empty exactly when `value` set).
struct PlanValue {
    std::optional<double> value;
    std::string status;
};

// The last period in which `node` has a value in the table; nullopt if none.
std::optional<std::size_t> last_period_with_data(const Tree& tree, std::size_t node);

} // namespace kpitree
