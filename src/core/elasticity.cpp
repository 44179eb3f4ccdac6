// Elasticities are products of local elasticities along the path to the KGI, with each parent
// taken as f(children) so that identity residuals in the data do not leak in.
#include "kpitree/elasticity.hpp"

#include "kpitree/check.hpp"
#include "planning_detail.hpp"

#include <algorithm>

namespace kpitree {

using namespace detail;

std::vector<PlanValue> elasticities(const Tree& tree, std::optional<std::size_t> period) {
    std::vector<PlanValue> out(tree.nodes.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].status = path_problem(tree, i);
    for (std::size_t r : tree.roots) {
        if (!out[r].status.empty())
            continue;
        const auto members = arithmetic_subtree(tree, r);
        auto fail = [&](const std::string& status) {
            for (std::size_t n : members)
                if (out[n].status.empty())
                    out[n].status = status;
        };
        const std::optional<std::size_t> t = period ? period : last_period_with_data(tree, r);
        if (!t) {
            fail(status_message(Status::nodata, q(tree, r) + " has no value in any period"));
            continue;
        }
        if (std::string range = period_range_problem(tree, *t); !range.empty()) {
            fail(range);
            continue;
        }
        const auto kgi = value_at(tree, r, *t);
        if (!kgi) {
            fail(
                status_message(Status::nodata, q(tree, r) + " has no value in " + label(tree, *t)));
            continue;
        }
        if (*kgi == 0.0) {
            fail(status_message(Status::undefined, q(tree, r) + " is 0 in " + label(tree, *t) +
                                                       ": a % change of it is undefined"));
            continue;
        }
        // Top down (members are in top-down order): a child's elasticity is its parent's times
        // the local one, e for × and ÷, ±child/f(children) for + and −.
        out[r].value = 1.0;
        for (std::size_t p : members) {
            const auto kids = tree.arithmetic_children(p);
            if (!out[p].value || kids.empty())
                continue;
            std::vector<double> x;
            std::string problem;
            for (std::size_t k : kids) {
                const auto v = value_at(tree, k, *t);
                if (!tree.nodes[k].ok())
                    problem = status_message(Status::error, q(tree, k) + " beside it is unusable");
                else if (!v)
                    problem = status_message(Status::nodata,
                                             q(tree, k) + " has no value in " + label(tree, *t));
                else if (tree.nodes[k].link == Link::divide && *v == 0.0)
                    problem = status_message(Status::error, "division by zero: " + q(tree, k) +
                                                                " is 0 in " + label(tree, *t));
                if (!problem.empty())
                    break;
                x.push_back(*v);
            }
            double f = 0;
            if (problem.empty()) {
                f = *combine(tree, p, [&](std::size_t c) {
                    return std::optional<double>(
                        x[std::find(kids.begin(), kids.end(), c) - kids.begin()]);
                });
                if (f == 0.0)
                    problem = status_message(Status::undefined,
                                             q(tree, p) + " is 0 in " + label(tree, *t) +
                                                 ": a % change of it is undefined");
            }
            if (!problem.empty()) {
                for (std::size_t k : kids)
                    for (std::size_t d : arithmetic_subtree(tree, k))
                        if (out[d].status.empty())
                            out[d].status = problem;
                continue;
            }
            for (std::size_t i = 0; i < kids.size(); ++i) {
                const Link link = tree.nodes[kids[i]].link;
                const double local =
                    is_multiplicative(link) ? sign_of(link) : sign_of(link) * x[i] / f;
                out[kids[i]].value = *out[p].value * local;
            }
        }
    }
    for (PlanValue& v : out)
        if (!v.status.empty())
            v.value.reset();
    return out;
}

} // namespace kpitree
