// Elasticities are products of local elasticities along the path to the KGI, with each parent
// taken as f(children) so that identity residuals in the data do not leak in. One top-down
// pass per KGI: a child's elasticity is its parent's times the local one.
#include "kpitree/plan/elasticity.hpp"

#include "kpitree/audit/check.hpp"
#include "plan/planning_detail.hpp"

namespace kpitree {

using namespace detail;

namespace {

// Why p's children get no elasticity in the period (values x), or empty.
std::string local_problem(const Tree& tree, std::size_t p, std::span<const std::size_t> kids,
                          const std::vector<std::optional<double>>& x, std::size_t period,
                          double& f) {
    for (std::size_t k : kids)
        if (!x[k])
            return status_message(Status::nodata,
                                  q(tree, k) + " has no value in " + label(tree, period));
    const Combined c = combine_children(tree, p, [&](std::size_t k) { return x[k]; });
    if (!c.value)
        return status_message(Status::error, fault_text(tree, p, c, label(tree, period)));
    f = *c.value;
    if (f == 0.0)
        return status_message(Status::undefined, q(tree, p) + " is 0 in " + label(tree, period) +
                                                     ": a % change of it is undefined");
    return {};
}

// The elasticities below KGI r in `period`; rows that get none get the reason.
void elasticities_below(const Tree& tree, std::size_t r, std::size_t period,
                        const std::vector<std::optional<double>>& x, std::vector<PlanValue>& out) {
    if (!x[r]) {
        out[r].status =
            status_message(Status::nodata, q(tree, r) + " has no value in " + label(tree, period));
    } else if (*x[r] == 0.0) {
        out[r].status =
            status_message(Status::undefined, q(tree, r) + " is 0 in " + label(tree, period) +
                                                  ": a % change of it is undefined");
    } else {
        out[r].value = 1.0;
    }
    for (std::size_t p : arithmetic_subtree(tree, r)) {
        const auto kids = tree.arithmetic_children(p);
        if (kids.empty()) // a leaf: nothing to pass down (and no status text to build for it)
            continue;
        double f = 0;
        std::string problem = out[p].status;
        if (problem.empty())
            problem = local_problem(tree, p, kids, x, period, f);
        const auto links = tree.arithmetic_links(p);
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const std::size_t k = kids[i];
            if (!out[k].status.empty())
                continue;
            if (!problem.empty()) {
                out[k].status = problem;
                continue;
            }
            if (tree.kinds[k] == Kind::constant) {
                out[k].status =
                    status_message(Status::undefined, q(tree, k) + " is a constant, not a lever");
                continue;
            }
            const Link link = links[i];
            const double local =
                is_multiplicative(link) ? sign_of(link) : sign_of(link) * *x[k] / f;
            out[k].value = *out[p].value * local;
        }
    }
}

} // namespace

std::vector<PlanValue> elasticities(const Tree& tree, std::optional<std::size_t> period) {
    std::vector<PlanValue> out(tree.nodes.size());
    const auto problems = path_problems(
        tree, true, ": a hypothesised lever, no elasticity until its effect is an arithmetic link");
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].status = problems[i];
    PeriodValues values(tree);
    for (std::size_t r : tree.roots) {
        if (!out[r].status.empty())
            continue;
        const std::optional<std::size_t> t = period ? period : values.last_period_with_value(r);
        std::string problem;
        if (!t)
            problem = status_message(Status::nodata, q(tree, r) + " has no value in any period");
        else
            problem = period_range_problem(tree, *t);
        if (!problem.empty()) {
            for (std::size_t n : arithmetic_subtree(tree, r))
                if (out[n].status.empty())
                    out[n].status = problem;
            continue;
        }
        elasticities_below(tree, r, *t, values.in(*t), out);
    }
    for (PlanValue& v : out)
        if (!v.status.empty())
            v.value.reset();
    return out;
}

} // namespace kpitree
