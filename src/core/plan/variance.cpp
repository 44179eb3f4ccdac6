// The contributions to the gap reuse KPI.CONTRIB: the tree with two periods, plan and actual,
// split by contributions() (sums by signed changes, products by LMDI-I or Shapley).
#include "kpitree/plan/variance.hpp"

#include "kpitree/plan/contrib.hpp"
#include "model/text.hpp"
#include "plan/planning_detail.hpp"

#include <algorithm>
#include <cmath>

namespace kpitree {

using namespace detail;

namespace {

// The tree with two periods: the plan, then the actual values of `period`.
Tree plan_and_actual(const Tree& tree, const Series& plan, std::size_t period) {
    Tree two = tree;
    two.period_labels = {"plan", label(tree, period)};
    const std::size_t nodes = tree.nodes.size();
    std::vector<std::optional<double>> values(2 * nodes);
    std::copy_n(plan.begin(), std::min(plan.size(), nodes), values.begin());
    const auto actual = tree.period_values(period);
    std::copy(actual.begin(), actual.end(), values.begin() + static_cast<std::ptrdiff_t>(nodes));
    two.set_values(std::move(values));
    return two;
}

// AHEAD, BEHIND or ON PLAN from the contribution to the KGI's gap; the reason when there is none.
std::string judgement(const Tree& tree, std::size_t n, const Contribution& c,
                      const std::vector<VarianceRow>& rows) {
    if (!c.value)
        return c.status;
    const auto root = tree.nodes[n].root;
    const auto& kgi_plan = root ? rows[*root].plan : std::nullopt;
    if (!kgi_plan)
        return status_message(Status::nodata, "the KGI has no plan");
    if (std::fabs(*c.value) <= on_plan_tolerance * std::fabs(*kgi_plan))
        return status_message(Status::on_plan);
    return status_message(*c.value > 0 ? Status::ahead : Status::behind);
}

} // namespace

std::vector<VarianceRow> variance(const Tree& tree, const Series& plan, std::size_t period,
                                  SplitMethod method) {
    std::vector<VarianceRow> rows(tree.nodes.size());
    if (std::string range = period_range_problem(tree, period); !range.empty()) {
        for (VarianceRow& r : rows)
            r.status = range;
        return rows;
    }
    const Tree two = plan_and_actual(tree, plan, period);
    const auto planned = values_in(two, 0), actual = values_in(two, 1);
    ContribOptions options;
    options.method = method;
    const auto contrib = contributions(two, 0, 1, options);
    const auto problems = path_problems(tree, false);
    for (std::size_t n = 0; n < rows.size(); ++n) {
        VarianceRow& r = rows[n];
        if (!problems[n].empty()) // an unusable row or child: only the reason, no number
            continue;
        r.plan = planned[n];
        r.actual = actual[n];
        if (r.plan && r.actual) {
            r.gap = *r.actual - *r.plan;
            if (*r.plan != 0 && std::isfinite(*r.gap))
                r.gap_percent = *r.gap / std::fabs(*r.plan);
            if (!std::isfinite(*r.gap))
                r.gap.reset();
        }
        r.contribution = contrib[n].value;
    }
    for (std::size_t n = 0; n < rows.size(); ++n) {
        if (!problems[n].empty())
            rows[n].status = problems[n];
        else if (tree.nodes[n].link == Link::hypothesis && tree.nodes[n].parent)
            rows[n].status = status_message(
                Status::undefined, "~ link: the effect of " + q(tree, n) + " on " +
                                       q(tree, *tree.nodes[n].parent) + " is not arithmetic");
        else
            rows[n].status = judgement(tree, n, contrib[n], rows);
    }
    return rows;
}

} // namespace kpitree
