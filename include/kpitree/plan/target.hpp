// KPI.TARGET: the values every node must reach for a KGI to reach a target.
// Status texts and the value of an empty cell: planning.hpp.
#pragma once

#include "kpitree/model/tree.hpp"
#include "kpitree/plan/planning.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kpitree {

struct TargetOptions {
    // The period whose values are the starting point; default: the KGI's last period with data.
    std::optional<std::size_t> period;
    // Names of the KPIs that may move, each with everything below it (and, necessarily, the
    // KPIs above it). Empty: all may move. A name not in the table makes every row ERROR.
    std::vector<std::string> flex;
    // The KGI (a root's node index) the target is for; default: the table's only KGI.
    std::optional<std::size_t> kgi;
    // The KGI by name (KPI.TARGET's `kgi` argument), when `kgi` is unset. A name that is no KGI
    // of the table makes every row ERROR, naming the KGIs there are.
    std::optional<std::string> kgi_name;
    // A target relative to the KGI's value in the planned period (0.1 = +10 %): then the
    // `kgi_target` argument is not used. NODATA when the KGI has no value there.
    std::optional<double> relative;
};

// The value every node must reach for the KGI to reach `kgi_target`. At each movable parent the
// needed change is spread evenly over its movable arithmetic children: for a product of k
// movable factors each × factor is multiplied by g^(1/k) and each ÷ factor by g^(−1/k) (g the
// factor the movable part of the product must grow by); for a sum the movable terms are scaled
// by one common factor (all zero: they share the needed sum equally). Non-movable rows keep
// their value; a constant (Kind column) never moves. Internal targets are f(children targets), and
// the KGI's is kgi_target up to rounding (the most influential movable leaf absorbs the rounding).
// All or nothing per KGI: if the target cannot be reached every row of that KGI says why
// (UNREACHABLE: only fixed KPIs, a product would need a sign change or to leave zero, a sum would
// need its movable terms to change sign; NODATA; ERROR). Rows of another KGI: UNDEFINED; ~ rows:
// HYPOTHESIS (saying the plan does not move that lever).
std::vector<PlanValue> targets(const Tree& tree, double kgi_target,
                               const TargetOptions& options = {});

// The values of `node`'s arithmetic subtree (Tree::nodes order; nullopt outside it) when `node`
// moves to `value` in `period`, the change spread over its subtree as targets() spreads a KGI's
// (every member but the constants may move). The status when it cannot be (UNREACHABLE, NODATA,
// ERROR). KPI.WHATIF uses it for a change to a parent.
std::variant<std::vector<std::optional<double>>, std::string>
spread_change(const Tree& tree, std::size_t node, std::size_t period, double value);

} // namespace kpitree
