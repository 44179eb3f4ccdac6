#include "kpitree/plan/whatif.hpp"

#include "kpitree/audit/check.hpp"
#include "kpitree/plan/target.hpp"
#include "model/text.hpp"
#include "plan/planning_detail.hpp"

#include <algorithm>
#include <cmath>
#include <variant>

namespace kpitree {

using namespace detail;

namespace {

// Own values and f(children) may differ by this much (relative) before a recomputed parent
// would show a change the scenario did not make (as KPI.CONTRIB tolerates rounding).
constexpr double identity_tolerance = 0.01;

class Scenario {
public:
    Scenario(const Tree& tree, std::size_t period)
        : tree_(tree), period_(period), base_(values_in(tree, period)), new_(base_),
          dirty_(tree.nodes.size(), false), blocked_(tree.nodes.size()),
          problems_(path_problems(tree, false)) {}

    // Empty on success, else the ERROR status for every row.
    std::string apply(const std::vector<WhatIfChange>& changes) {
        for (const WhatIfChange& c : changes)
            if (std::string problem = check_change(c, changes); !problem.empty())
                return problem;
        for (const WhatIfChange& c : changes)
            if (std::string problem = set(c); !problem.empty())
                return problem;
        propagate();
        return {};
    }

    std::vector<WhatIfRow> rows() const {
        std::vector<WhatIfRow> out(tree_.nodes.size());
        for (std::size_t n = 0; n < out.size(); ++n) {
            if (!problems_[n].empty() || !blocked_[n].empty()) {
                out[n].value.status = problems_[n].empty() ? blocked_[n] : problems_[n];
                continue;
            }
            out[n].value.value = new_[n];
            if (!new_[n])
                out[n].value.status = status_message(
                    Status::nodata, q(tree_, n) + " has no value in " + label(tree_, period_));
            else if (base_[n])
                out[n].change = *new_[n] - *base_[n];
        }
        return out;
    }

private:
    std::string error(const std::string& text) const { return status_message(Status::error, text); }

    std::string check_change(const WhatIfChange& c, const std::vector<WhatIfChange>& all) const {
        if (!problems_[c.node].empty())
            return error("the change to " + q(tree_, c.node) +
                         " cannot apply: " + problems_[c.node]);
        if (tree_.kinds[c.node] == Kind::constant)
            return error(q(tree_, c.node) + " is a constant: it never moves");
        if (!std::isfinite(c.amount))
            return error("the change to " + q(tree_, c.node) + " is not a finite number");
        if (c.relative && !base_[c.node])
            return error(q(tree_, c.node) + " has no value in " + label(tree_, period_) +
                         " to change relatively");
        for (const WhatIfChange& other : all)
            if (&other != &c && (other.node == c.node || is_below(c.node, other.node)))
                return error("the changes to " + q(tree_, c.node) + " and " + q(tree_, other.node) +
                             " overlap: change one of them");
        return {};
    }

    // Whether `n` lies in the arithmetic subtree of `top` (strictly below it).
    bool is_below(std::size_t n, std::size_t top) const {
        for (auto at = n; tree_.nodes[at].parent && tree_.nodes[at].link != Link::hypothesis;) {
            at = *tree_.nodes[at].parent;
            if (at == top)
                return true;
        }
        return false;
    }

    std::string set(const WhatIfChange& c) {
        const double value = c.relative ? *base_[c.node] * (1 + c.amount) : c.amount;
        if (!std::isfinite(value))
            return error("the change to " + q(tree_, c.node) + " leaves the range of numbers");
        if (tree_.arithmetic_children(c.node).empty()) {
            new_[c.node] = value;
            dirty_[c.node] = true;
            return {};
        }
        auto spread = spread_change(tree_, c.node, period_, value);
        if (auto* problem = std::get_if<std::string>(&spread))
            return error("the change to " + q(tree_, c.node) + " cannot be spread: " + *problem);
        const auto& values = std::get<std::vector<std::optional<double>>>(spread);
        for (std::size_t m : arithmetic_subtree(tree_, c.node)) {
            new_[m] = values[m];
            dirty_[m] = true;
        }
        new_[c.node] = value;
        return {};
    }

    // Bottom up: every parent with a changed arithmetic child is f(children) again.
    void propagate() {
        for (auto it = tree_.top_down.rbegin(); it != tree_.top_down.rend(); ++it) {
            const std::size_t p = *it;
            const auto kids = tree_.arithmetic_children(p);
            if (kids.empty() || !problems_[p].empty())
                continue;
            const auto blocked = std::find_if(kids.begin(), kids.end(),
                                              [&](auto k) { return !blocked_[k].empty(); });
            if (blocked != kids.end())
                blocked_[p] = blocked_[*blocked]; // a blocked child blocks every row above it
            else if (!dirty_[p] &&
                     std::any_of(kids.begin(), kids.end(), [&](auto k) { return dirty_[k]; }))
                recompute(p);
        }
    }

    void recompute(std::size_t p) {
        const Combined before = combine_children(tree_, p, [&](std::size_t k) { return base_[k]; });
        const auto own = tree_.value(p, period_);
        if (own && before.value &&
            std::fabs(*own - *before.value) >
                identity_tolerance * std::max(std::fabs(*own), std::fabs(*before.value))) {
            blocked_[p] = status_message(
                Status::mismatch, q(tree_, p) + " is " + format_number(*own) +
                                      " but its children give " + format_number(*before.value) +
                                      " in " + label(tree_, period_) + " (see KPI.CHECK)");
            return;
        }
        const Combined after = combine_children(tree_, p, [&](std::size_t k) { return new_[k]; });
        if (!after.value) {
            blocked_[p] =
                status_message(Status::error, fault_text(tree_, p, after, label(tree_, period_)));
            return;
        }
        new_[p] = after.value;
        dirty_[p] = true;
    }

    const Tree& tree_;
    std::size_t period_;
    std::vector<std::optional<double>> base_, new_;
    std::vector<bool> dirty_;
    std::vector<std::string> blocked_;
    NodeTexts problems_;
};

std::optional<std::size_t> latest_kgi_period(const Tree& tree) {
    PeriodValues values(tree);
    std::optional<std::size_t> latest;
    for (std::size_t r : tree.roots)
        if (auto t = values.last_period_with_value(r); t && (!latest || *t > *latest))
            latest = t;
    return latest;
}

std::vector<WhatIfRow> every_row(const Tree& tree, const std::string& status) {
    std::vector<WhatIfRow> out(tree.nodes.size());
    for (WhatIfRow& r : out)
        r.value.status = status;
    return out;
}

} // namespace

std::vector<WhatIfRow> what_if(const Tree& tree, const std::vector<WhatIfChange>& changes,
                               std::optional<std::size_t> period) {
    if (!tree.table_errors.empty())
        return every_row(tree, status_message(Status::error, tree.table_errors.front()));
    if (!period)
        period = latest_kgi_period(tree);
    if (!period)
        return every_row(tree, status_message(Status::nodata, "no KGI has a value in any period"));
    if (std::string range = period_range_problem(tree, *period); !range.empty())
        return every_row(tree, range);
    Scenario scenario(tree, *period);
    if (std::string problem = scenario.apply(changes); !problem.empty())
        return every_row(tree, problem);
    return scenario.rows();
}

} // namespace kpitree
