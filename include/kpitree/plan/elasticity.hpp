// KPI.ELASTICITY: the % change of its KGI for a 1 % change of each node.
// Status texts and the value of an empty cell: planning.hpp.
#pragma once

#include "kpitree/model/tree.hpp"
#include "kpitree/plan/planning.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace kpitree {

// % change of its KGI for a 1 % change of each node, all others fixed, in `period` (default:
// the KGI's last period with data): the product along the path to the KGI of the local
// elasticities, ±1 for × and ÷ links and ±child/parent for + and − links, the parent taken as
// f(children). 1 for a KGI. Statuses: UNDEFINED where the KGI or a parent on the path is 0 and
// for a constant (Kind column: not a lever), NODATA, ERROR, HYPOTHESIS.
std::vector<PlanValue> elasticities(const Tree& tree, std::optional<std::size_t> period = {});

} // namespace kpitree
