// Targets spread a required growth evenly over the links at each level, top down, then
// re-evaluate the tree bottom up with combine() and let one leaf absorb the rounding (a
// Newton step on the most influential movable leaf).
#include "kpitree/target.hpp"

#include "kpitree/check.hpp"
#include "planning_detail.hpp"

#include <cmath>

namespace kpitree {

using namespace detail;

namespace {

class TargetSpreader {
public:
    TargetSpreader(const Tree& tree, std::size_t period, std::vector<bool> movable)
        : tree_(tree), period_(period), movable_(std::move(movable)), base_(tree.nodes.size()),
          target_(tree.nodes.size()) {}

    // Empty on success, else the status for every row of the KGI.
    std::string run(std::size_t kgi, double kgi_target) {
        if (std::string problem = compute_bases(kgi); !problem.empty())
            return problem;
        target_[kgi] = kgi_target;
        if (std::string problem = spread(kgi); !problem.empty())
            return problem;
        fix_rounding(kgi, kgi_target);
        return {};
    }

    // Final target of a row of the KGI's arithmetic tree (f(children) for movable parents).
    std::optional<double> result(std::size_t n) const { return evaluated_[n]; }

private:
    bool internal_movable(std::size_t n) const {
        return movable_[n] && !tree_.arithmetic_children(n).empty();
    }

    // Starting values: a movable parent is f(children), everything else its own value.
    std::string compute_bases(std::size_t kgi) {
        const auto order = arithmetic_subtree(tree_, kgi);
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const std::size_t n = *it;
            const bool needed = movable_[n] || (tree_.nodes[n].parent && n != kgi &&
                                                movable_[*tree_.nodes[n].parent]);
            if (!needed)
                continue;
            if (!tree_.nodes[n].ok())
                return status_message(
                    Status::error, q(tree_, n) + " is unusable: " + tree_.nodes[n].errors.front());
            if (internal_movable(n)) {
                std::optional<std::size_t> zero;
                base_[n] = combine(
                    tree_, n, [&](std::size_t c) { return base_[c]; }, &zero);
                if (zero)
                    return status_message(Status::error, "division by zero: " + q(tree_, *zero) +
                                                             " is 0 in " + label(tree_, period_));
            } else {
                base_[n] = value_at(tree_, n, period_);
            }
            if (!base_[n])
                return status_message(Status::nodata,
                                      q(tree_, n) + " has no value in " + label(tree_, period_));
        }
        return {};
    }

    std::string spread(std::size_t p) {
        const auto kids = tree_.arithmetic_children(p);
        if (kids.empty() || !movable_[p])
            return {};
        const double goal = *target_[p];
        std::vector<std::size_t> moving;
        for (std::size_t k : kids) {
            target_[k] = base_[k];
            if (movable_[k])
                moving.push_back(k);
        }
        const double km = static_cast<double>(moving.size());
        if (is_additive(tree_.nodes[kids.front()].link)) {
            double fixed = 0, flexible = 0;
            bool all_zero = true;
            for (std::size_t k : kids) {
                const double term = sign_of(tree_.nodes[k].link) * *base_[k];
                (movable_[k] ? flexible : fixed) += term;
                if (movable_[k])
                    all_zero = all_zero && *base_[k] == 0.0;
            }
            const double needed = goal - fixed;
            if (flexible != 0.0) {
                const double g = needed / flexible;
                if (g < 0)
                    return status_message(Status::unreachable,
                                          "the flexible KPIs under " + q(tree_, p) + " add up to " +
                                              format_number(flexible) +
                                              " and would all have to change sign to give " +
                                              format_number(needed));
                for (std::size_t k : moving)
                    target_[k] = *base_[k] * g;
            } else if (all_zero) {
                for (std::size_t k : moving)
                    target_[k] = sign_of(tree_.nodes[k].link) * needed / km;
            } else {
                return status_message(Status::unreachable, "the flexible KPIs under " +
                                                               q(tree_, p) +
                                                               " add up to 0 and cannot be scaled");
            }
        } else {
            double fixed = 1, flexible = 1;
            std::optional<std::size_t> fixed_zero, flexible_zero;
            for (std::size_t k : kids) {
                const double x = *base_[k];
                const double factor = tree_.nodes[k].link == Link::divide ? 1.0 / x : x;
                (movable_[k] ? flexible : fixed) *= factor;
                if (x == 0.0)
                    (movable_[k] ? flexible_zero : fixed_zero) = k;
            }
            if (fixed == 0.0 && goal != 0.0)
                return status_message(Status::unreachable, q(tree_, *fixed_zero) +
                                                               " is 0 and may not move, so " +
                                                               q(tree_, p) + " stays 0");
            if (fixed != 0.0) {
                if (flexible == 0.0 && goal != 0.0)
                    return status_message(Status::unreachable,
                                          q(tree_, *flexible_zero) +
                                              " is 0: growth factors cannot move " + q(tree_, p) +
                                              " away from 0");
                const double g = flexible == 0.0 ? 1.0 : goal / fixed / flexible;
                if (g == 0.0)
                    return status_message(Status::unreachable,
                                          q(tree_, p) + " would have to be 0, which a product of "
                                                        "growth factors cannot reach");
                if (g < 0)
                    return status_message(Status::unreachable,
                                          q(tree_, p) + " would have to change sign (" +
                                              format_number(goal) +
                                              "), which a product of growth factors cannot do");
                for (std::size_t k : moving)
                    target_[k] = *base_[k] * std::pow(g, sign_of(tree_.nodes[k].link) / km);
            }
        }
        for (std::size_t k : moving)
            if (std::string problem = spread(k); !problem.empty())
                return problem;
        return {};
    }

    std::optional<double> evaluate(std::size_t n) {
        if (internal_movable(n))
            evaluated_[n] = combine(tree_, n, [&](std::size_t c) { return evaluate(c); });
        else
            evaluated_[n] = target_[n];
        return evaluated_[n];
    }

    // ∂KGI/∂leaf through the tree at the current targets.
    double derivative(std::size_t kgi, std::size_t leaf) const {
        double d = 1;
        for (std::size_t c = leaf; c != kgi; c = *tree_.nodes[c].parent) {
            const std::size_t p = *tree_.nodes[c].parent;
            const Link link = tree_.nodes[c].link;
            if (is_additive(link)) {
                d *= sign_of(link);
                continue;
            }
            double others = 1;
            for (std::size_t s : tree_.arithmetic_children(p))
                if (s != c)
                    others = tree_.nodes[s].link == Link::divide ? others / *evaluated_[s]
                                                                 : others * *evaluated_[s];
            const double x = *evaluated_[c];
            d *= link == Link::divide ? -others / (x * x) : others;
        }
        return d;
    }

    void fix_rounding(std::size_t kgi, double kgi_target) {
        evaluated_.assign(tree_.nodes.size(), std::nullopt);
        evaluate(kgi);
        std::optional<std::size_t> leaf;
        double influence = -1;
        for (std::size_t n : arithmetic_subtree(tree_, kgi))
            if (movable_[n] && !internal_movable(n)) {
                const double i = std::fabs(derivative(kgi, n) * *evaluated_[n]);
                if (std::isfinite(i) && i > influence) {
                    influence = i;
                    leaf = n;
                }
            }
        for (int step = 0; leaf && step < 4; ++step) {
            const double miss = kgi_target - *evaluated_[kgi];
            const double d = derivative(kgi, *leaf);
            if (miss == 0.0 || d == 0.0 || !std::isfinite(d))
                break;
            const double before = std::fabs(miss);
            const auto saved = target_[*leaf];
            target_[*leaf] = *target_[*leaf] + miss / d;
            evaluate(kgi);
            if (!(std::fabs(kgi_target - *evaluated_[kgi]) < before)) {
                target_[*leaf] = saved;
                evaluate(kgi);
                break;
            }
        }
    }

    const Tree& tree_;
    std::size_t period_;
    std::vector<bool> movable_;
    std::vector<std::optional<double>> base_, target_, evaluated_;
};

std::string kgi_names(const Tree& tree) {
    std::string s;
    for (std::size_t r : tree.roots)
        s += (s.empty() ? "" : ", ") + q(tree, r);
    return s;
}

} // namespace

std::vector<PlanValue> targets(const Tree& tree, double kgi_target, const TargetOptions& options) {
    std::vector<PlanValue> out(tree.nodes.size());
    auto fail = [&](const std::vector<std::size_t>& rows, const std::string& status) {
        for (std::size_t n : rows)
            out[n] = {std::nullopt, status};
        return out;
    };
    std::vector<std::size_t> all(tree.nodes.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    if (!tree.table_errors.empty())
        return fail(all, status_message(Status::error, tree.table_errors.front()));
    if (!std::isfinite(kgi_target))
        return fail(all, status_message(Status::error, "the target is not a finite number"));
    std::size_t kgi = 0;
    if (options.kgi)
        kgi = *options.kgi;
    else if (tree.roots.size() == 1)
        kgi = tree.roots.front();
    else if (tree.roots.empty())
        return fail(all, status_message(Status::error, "the table has no KGI"));
    else
        return fail(all,
                    status_message(Status::error, "the table has several KGIs (" + kgi_names(tree) +
                                                      "); name the row to plan"));
    if (kgi >= tree.nodes.size() || tree.nodes[kgi].parent)
        return fail(all, status_message(Status::error, "the target must be set on a KGI"));

    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        out[i].status = path_problem(tree, i);
        if (out[i].status.empty() && tree.nodes[i].root != kgi)
            out[i].status =
                status_message(Status::undefined, "the target is for " + q(tree, kgi) +
                                                      ", not for " + q(tree, *tree.nodes[i].root));
    }
    if (!out[kgi].status.empty())
        return fail(arithmetic_subtree(tree, kgi), out[kgi].status);
    const auto members = arithmetic_subtree(tree, kgi);

    std::vector<std::size_t> flex;
    for (const std::string& name : options.flex) {
        if (trim_name(name).empty())
            continue;
        const auto n = tree.find(name);
        if (!n)
            return fail(all,
                        status_message(Status::error, "flexible KPI '" + trim_name(name) +
                                                          "' is not a unique name in the table"));
        flex.push_back(*n);
    }
    std::vector<bool> movable(tree.nodes.size(), flex.empty());
    if (!flex.empty()) {
        std::vector<bool> member(tree.nodes.size(), false);
        for (std::size_t n : members)
            member[n] = true;
        for (std::size_t f : flex) {
            if (!member[f])
                continue; // another KGI's, or below a ~ link: cannot move this KGI
            for (std::size_t d : arithmetic_subtree(tree, f))
                movable[d] = true;
            for (std::size_t a = f; a != kgi; a = *tree.nodes[a].parent)
                movable[a] = true;
            movable[kgi] = true;
        }
    }
    if (!movable[kgi])
        return fail(
            members,
            status_message(Status::unreachable,
                           "none of the flexible KPIs is in the arithmetic below " + q(tree, kgi)));

    std::optional<std::size_t> period = options.period;
    if (!period)
        period = last_period_with_data(tree, kgi);
    if (!period)
        return fail(members,
                    status_message(Status::nodata, q(tree, kgi) + " has no value in any period"));
    if (std::string range = period_range_problem(tree, *period); !range.empty())
        return fail(members, range);

    TargetSpreader spreader(tree, *period, movable);
    if (std::string problem = spreader.run(kgi, kgi_target); !problem.empty())
        return fail(members, problem);
    for (std::size_t n : members) {
        if (!out[n].status.empty())
            continue; // own problem, in a part of the tree that does not move
        out[n].value = spreader.result(n);
        if (!out[n].value)
            out[n].value = value_at(tree, n, *period);
        if (!out[n].value)
            out[n].status = status_message(Status::nodata,
                                           q(tree, n) + " has no value in " + label(tree, *period));
    }
    return out;
}

} // namespace kpitree
