// KPI.VARIANCE: plan against actual per KPI, with each KPI's exact share of its KGI's gap.
// Status texts and the value of an empty cell: planning.hpp.
#pragma once

#include "kpitree/model/tree.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/stats/decompose.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kpitree {

struct VarianceRow {
    std::optional<double> plan, actual, gap, gap_percent; // gap = actual − plan
    // The KPI's contribution to its KGI's gap, as KPI.CONTRIB splits a change (from plan to
    // actual): the leaves add up to the KGI's gap at every level. A KGI's is its gap.
    std::optional<double> contribution;
    // "AHEAD", "BEHIND", "ON PLAN", or why there is no judgement (NODATA, ERROR, MISMATCH,
    // UNDEFINED for a ~ row: its effect on its parent is not arithmetic).
    std::string status;
};

// Judgement threshold: a contribution within this share of the KGI's plan (0.5 %) is ON PLAN.
inline constexpr double on_plan_tolerance = 0.005;

// Plan against actual in `period`: `plan` holds one planned value per node (Tree::nodes order;
// nullopt where the plan has none: a parent then plans f(children of plan)). The actual value is
// the node's own (f(children) where its cell is empty). AHEAD when the KPI's contribution raises
// its KGI above plan, BEHIND when it holds the KGI back (so a cost above plan, or a ÷ child above
// plan, is BEHIND), ON PLAN within on_plan_tolerance of the KGI's plan. An unusable row, or a
// parent whose arithmetic needs an unusable child, shows no number, only the ERROR naming it.
std::vector<VarianceRow> variance(const Tree& tree, const Series& plan, std::size_t period,
                                  SplitMethod method = SplitMethod::lmdi);

} // namespace kpitree
