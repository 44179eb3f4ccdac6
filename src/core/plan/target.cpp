// Targets spread a required growth evenly over the links at each level, top down, then
// re-evaluate the tree bottom up with combine() and let one leaf absorb the rounding (a
// Newton step on the most influential movable leaf).
#include "kpitree/plan/target.hpp"

#include "kpitree/audit/check.hpp"
#include "model/text.hpp"
#include "plan/planning_detail.hpp"

#include <algorithm>
#include <cmath>
#include <variant>

namespace kpitree {

using namespace detail;

namespace {

// Moves a KGI to its target through its arithmetic tree. Every pass walks the KGI's members
// (arithmetic_subtree, top down) forwards or backwards: no recursion, linear in the tree.
class TargetSpreader {
public:
    TargetSpreader(const Tree& tree, std::size_t kgi, std::size_t period, std::vector<bool> movable)
        : tree_(tree), kgi_(kgi), period_(period), movable_(std::move(movable)),
          members_(arithmetic_subtree(tree, kgi)), values_(values_in(tree, period)),
          base_(tree.nodes.size()), target_(tree.nodes.size()), evaluated_(tree.nodes.size()),
          derivative_(tree.nodes.size()) {}

    // Empty on success, else the status for every row of the KGI.
    std::string run(double kgi_target) {
        if (std::string problem = compute_bases(); !problem.empty())
            return problem;
        target_[kgi_] = kgi_target;
        for (std::size_t p : members_)
            if (target_[p])
                if (std::string problem = spread(p); !problem.empty())
                    return problem;
        evaluate();
        if (evaluated_[kgi_])
            fix_rounding(kgi_target);
        return reproduction_problem(kgi_target);
    }

    // Final target of a row of the KGI's arithmetic tree (f(children) for movable parents).
    std::optional<double> result(std::size_t n) const { return evaluated_[n]; }
    // The row's value in the period, for rows the spreading did not reach.
    std::optional<double> value(std::size_t n) const { return values_[n]; }

private:
    // Whether the parent of n may move.
    bool moves_parent(std::size_t n) const {
        const auto parent = tree_.nodes[n].parent;
        return parent && movable_[*parent];
    }

    bool internal_movable(std::size_t n) const {
        return movable_[n] && !tree_.arithmetic_children(n).empty();
    }

    // Starting values, bottom up: a movable parent is f(children), everything else its own
    // value.
    std::string compute_bases() {
        for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
            const std::size_t n = *it;
            // n's row (its parent) is read only when n itself does not move.
            const bool needed = movable_[n] || (n != kgi_ && moves_parent(n));
            if (!needed)
                continue;
            if (internal_movable(n)) {
                const Combined c =
                    combine_children(tree_, n, [&](std::size_t k) { return base_[k]; });
                if (c.fault != CombineFault::none && c.fault != CombineFault::missing)
                    return status_message(Status::error,
                                          fault_text(tree_, n, c, label(tree_, period_)));
                base_[n] = c.value;
            } else {
                base_[n] = values_[n];
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
        std::vector<std::size_t> moving;
        for (std::size_t k : kids) {
            target_[k] = base_[k];
            if (movable_[k])
                moving.push_back(k);
        }
        if (is_additive(tree_.arithmetic_links(p).front()))
            return spread_sum(p, kids, moving);
        return spread_product(p, kids, moving);
    }

    // A sum: the movable terms are scaled by one common factor (all zero: equal shares).
    std::string spread_sum(std::size_t p, std::span<const std::size_t> kids,
                           const std::vector<std::size_t>& moving) {
        double fixed = 0, flexible = 0;
        bool all_zero = true;
        const auto links = tree_.arithmetic_links(p);
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const std::size_t k = kids[i];
            const double term = sign_of(links[i]) * *base_[k];
            (movable_[k] ? flexible : fixed) += term;
            if (movable_[k])
                all_zero = all_zero && *base_[k] == 0.0;
        }
        const double needed = *target_[p] - fixed;
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
                target_[k] =
                    sign_of(tree_.nodes[k].link) * needed / static_cast<double>(moving.size());
        } else {
            return status_message(Status::unreachable, "the flexible KPIs under " + q(tree_, p) +
                                                           " add up to 0 and cannot be scaled");
        }
        return {};
    }

    // A product: each movable × factor grows by g^(1/k), each ÷ factor by g^(−1/k).
    std::string spread_product(std::size_t p, std::span<const std::size_t> kids,
                               const std::vector<std::size_t>& moving) {
        const double goal = *target_[p];
        double fixed = 1, flexible = 1;
        std::optional<std::size_t> fixed_zero, flexible_zero;
        const auto links = tree_.arithmetic_links(p);
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const std::size_t k = kids[i];
            const double x = *base_[k];
            const double factor = links[i] == Link::divide ? 1.0 / x : x;
            (movable_[k] ? flexible : fixed) *= factor;
            if (x == 0.0)
                (movable_[k] ? flexible_zero : fixed_zero) = k;
        }
        if (fixed == 0.0 && goal != 0.0)
            return status_message(Status::unreachable, q(tree_, *fixed_zero) +
                                                           " is 0 and may not move, so " +
                                                           q(tree_, p) + " stays 0");
        if (fixed == 0.0)
            return {};
        if (flexible == 0.0 && goal != 0.0)
            return status_message(Status::unreachable, q(tree_, *flexible_zero) +
                                                           " is 0: growth factors cannot move " +
                                                           q(tree_, p) + " away from 0");
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
        const double km = static_cast<double>(moving.size());
        for (std::size_t k : moving)
            target_[k] = *base_[k] * std::pow(g, sign_of(tree_.nodes[k].link) / km);
        return {};
    }

    // The targets through the tree's arithmetic, bottom up (nullopt where it fails).
    void evaluate() {
        for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
            const std::size_t n = *it;
            evaluated_[n] = internal_movable(n)
                                ? combine(tree_, n, [&](std::size_t c) { return evaluated_[c]; })
                                : target_[n];
        }
    }

    // ∂KGI/∂n at the current targets for every member below movable parents, top down: the
    // parent's derivative times ±1 (sums) or the product of the other factors (products).
    void differentiate() {
        std::fill(derivative_.begin(), derivative_.end(), std::nan(""));
        derivative_[kgi_] = 1.0;
        for (std::size_t p : members_) {
            if (!internal_movable(p) || !std::isfinite(derivative_[p]))
                continue;
            const auto kids = tree_.arithmetic_children(p);
            const auto links = tree_.arithmetic_links(p);
            std::vector<double> factor(kids.size()), after(kids.size() + 1, 1.0);
            for (std::size_t i = 0; i < kids.size(); ++i) {
                const double x = evaluated_[kids[i]].value_or(std::nan(""));
                factor[i] = links[i] == Link::divide ? 1.0 / x : x;
            }
            for (std::size_t i = kids.size(); i > 0; --i)
                after[i - 1] = after[i] * factor[i - 1];
            double before = 1.0;
            for (std::size_t i = 0; i < kids.size(); ++i) {
                const Link link = links[i];
                const double others = before * after[i + 1];
                const double x = evaluated_[kids[i]].value_or(std::nan(""));
                const double local = is_additive(link)        ? sign_of(link)
                                     : link == Link::multiply ? others
                                                              : -others / (x * x);
                derivative_[kids[i]] = derivative_[p] * local;
                before *= factor[i];
            }
        }
    }

    // The movable leaf with the largest influence |∂KGI/∂leaf × leaf|; nullopt if none.
    std::optional<std::size_t> most_influential_leaf() {
        differentiate();
        std::optional<std::size_t> leaf;
        double influence = -1;
        for (std::size_t n : members_) {
            if (!movable_[n] || internal_movable(n) || !evaluated_[n])
                continue;
            const double i = std::fabs(derivative_[n] * *evaluated_[n]);
            if (std::isfinite(i) && i > influence) {
                influence = i;
                leaf = n;
            }
        }
        return leaf;
    }

    // Newton steps on the most influential leaf absorb what rounding left over.
    void fix_rounding(double kgi_target) {
        const std::optional<std::size_t> leaf = most_influential_leaf();
        for (int step = 0; leaf && step < 4 && evaluated_[kgi_]; ++step) {
            const double miss = kgi_target - *evaluated_[kgi_];
            if (step > 0)
                differentiate();
            const double d = derivative_[*leaf];
            if (miss == 0.0 || d == 0.0 || !std::isfinite(d))
                break;
            const double before = std::fabs(miss);
            const auto saved = target_[*leaf];
            target_[*leaf] = *target_[*leaf] + miss / d;
            evaluate();
            if (!evaluated_[kgi_] || !(std::fabs(kgi_target - *evaluated_[kgi_]) < before)) {
                target_[*leaf] = saved;
                evaluate();
                break;
            }
        }
    }

    // UNREACHABLE when the targets do not give the KGI's target (overflow, underflow), so
    // that no row shows a number that misses it.
    std::string reproduction_problem(double kgi_target) const {
        for (std::size_t n : members_)
            if (evaluated_[n] && !std::isfinite(*evaluated_[n]))
                return status_message(Status::unreachable, "the target of " + q(tree_, n) +
                                                               " leaves the range of numbers");
        const auto& got = evaluated_[kgi_];
        if (!got)
            return status_message(Status::unreachable,
                                  "the targets overflow the range of numbers below " +
                                      q(tree_, kgi_));
        if (std::fabs(*got - kgi_target) > 1e-9 * std::fabs(kgi_target))
            return status_message(Status::unreachable, "the tree's arithmetic gives " +
                                                           format_number(*got) + " at best, not " +
                                                           format_number(kgi_target));
        return {};
    }

    const Tree& tree_;
    std::size_t kgi_, period_;
    std::vector<bool> movable_;
    std::vector<std::size_t> members_;
    std::vector<std::optional<double>> values_, base_, target_, evaluated_;
    std::vector<double> derivative_;
};

// What TARGET says on a ~ row: a lever believed to drive its parent, which the plan leaves alone.
constexpr std::string_view hypothesis_lever_note =
    ": a hypothesised lever, not moved by the plan (make the link arithmetic once its effect "
    "is understood)";

// "'Sales', 'Profit' and 3 more": the table's KGIs, for a status that offers them.
std::string kgi_list(const Tree& tree) {
    std::vector<std::string> named;
    for (std::size_t i = 0; i < tree.roots.size() && named.size() < 3; ++i)
        named.push_back(q(tree, tree.roots[i]));
    return capped_list(named, tree.roots.size());
}

// The KGI named by options.kgi_name, or the ERROR status naming the KGIs there are.
std::variant<std::size_t, std::string> named_kgi(const Tree& tree, const std::string& name) {
    const auto n = tree.find(name);
    if (n && tree.nodes[*n].is_root())
        return *n;
    if (n)
        return status_message(Status::error, "'" + trim_name(name) +
                                                 "' is not a KGI (it has a parent); the KGIs are " +
                                                 kgi_list(tree));
    std::vector<std::string> kgis;
    for (std::size_t r : tree.roots)
        kgis.push_back(tree.nodes[r].name);
    const std::string head = "no KGI '" + trim_name(name) + "'";
    if (const auto guess = closest_match(name, kgis))
        return status_message(Status::error, head + "; did you mean '" + *guess + "'?");
    return status_message(Status::error, head + "; the KGIs are " + kgi_list(tree));
}

// The KGI to plan, or the ERROR status saying why there is none.
std::variant<std::size_t, std::string> chosen_kgi(const Tree& tree, const TargetOptions& options) {
    if (options.kgi) {
        if (*options.kgi >= tree.nodes.size() || tree.nodes[*options.kgi].parent)
            return status_message(Status::error, "the target must be set on a KGI");
        return *options.kgi;
    }
    if (tree.roots.empty())
        return status_message(Status::error, "the table has no KGI");
    if (options.kgi_name)
        return named_kgi(tree, *options.kgi_name);
    if (tree.roots.size() == 1)
        return tree.roots.front();
    return status_message(Status::error, "the table has several KGIs (" + kgi_list(tree) +
                                             "); name the one to plan in the kgi argument");
}

// Which members may move: every flexible KPI with everything below it and above it up to the
// KGI (all when `flex` is empty), never a constant. Two linear passes over the members. The ERROR
// status when a flexible name is not a unique KPI of the table.
std::variant<std::vector<bool>, std::string> movable_rows(const Tree& tree,
                                                          const std::vector<std::size_t>& members,
                                                          const std::vector<std::string>& flex) {
    std::vector<bool> is_flex(tree.nodes.size(), false);
    bool any = false;
    for (const std::string& name : flex) {
        if (trim_name(name).empty())
            continue;
        const auto n = tree.find(name);
        if (!n)
            return status_message(Status::error, "flex: " + unknown_kpi_reason(tree, name));
        is_flex[*n] = any = true;
    }
    std::vector<bool> movable(tree.nodes.size(), !any);
    const auto fix_constants = [&] { // a constant never moves, flexible or not
        for (std::size_t n : members)
            if (tree.kinds[n] == Kind::constant)
                movable[n] = false;
        return movable;
    };
    if (!any)
        return fix_constants();
    std::vector<bool> below(tree.nodes.size(), false); // a flexible KPI at or above it
    for (std::size_t n : members) {
        const auto p = tree.nodes[n].parent;
        below[n] = is_flex[n] || (n != members.front() && p && below[*p]);
        movable[n] = below[n];
    }
    for (auto it = members.rbegin(); it != members.rend(); ++it) // ancestors of flexible KPIs
        if (movable[*it] && *it != members.front() && tree.kinds[*it] != Kind::constant)
            movable[*tree.nodes[*it].parent] = true;
    return fix_constants();
}

// Every row's status before planning: its path problem, or UNDEFINED for rows under another KGI.
// Written into `out` (one row per node): no second result block of the table's size.
void statuses_outside(const Tree& tree, std::size_t kgi, const NodeTexts& problems,
                      std::vector<PlanValue>& out) {
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        out[i].status = problems[i];
        if (out[i].status.empty() && tree.nodes[i].root != kgi)
            out[i].status =
                status_message(Status::undefined, "the target is for " + q(tree, kgi) +
                                                      ", not for " + q(tree, *tree.nodes[i].root));
    }
}

// The period to plan (options.period, else the KGI's latest with a value), or the status that
// says why there is none: no movable KPI below the KGI, no value, a period out of range.
std::variant<std::size_t, std::string> planned_period(const Tree& tree, std::size_t kgi,
                                                      const TargetOptions& options,
                                                      const std::vector<bool>& movable) {
    if (!movable[kgi])
        return status_message(Status::unreachable,
                              "none of the flexible KPIs is in the arithmetic below " +
                                  q(tree, kgi));
    std::optional<std::size_t> period = options.period;
    if (!period)
        period = PeriodValues(tree).last_period_with_value(kgi);
    if (!period)
        return status_message(Status::nodata, q(tree, kgi) + " has no value in any period");
    if (std::string range = period_range_problem(tree, *period); !range.empty())
        return range;
    return *period;
}

// The KGI's target: `kgi_target`, or its value in `t` changed by options.relative; the status
// when a relative target has no value to start from or is not finite.
std::variant<double, std::string> goal_of(const Tree& tree, std::size_t kgi, std::size_t t,
                                          std::optional<double> kgi_value, double kgi_target,
                                          const TargetOptions& options) {
    if (!options.relative)
        return kgi_target;
    if (!kgi_value)
        return status_message(Status::nodata, q(tree, kgi) + " has no value in " + label(tree, t) +
                                                  " to change by a percentage");
    const double goal = *kgi_value * (1.0 + *options.relative);
    if (!std::isfinite(goal))
        return status_message(Status::error, "the target is not a finite number");
    return goal;
}

} // namespace

std::vector<PlanValue> targets(const Tree& tree, double kgi_target, const TargetOptions& options) {
    std::vector<PlanValue> out(tree.nodes.size());
    auto fail = [&](const std::vector<std::size_t>& rows, const std::string& status) {
        for (std::size_t n : rows)
            out[n] = {std::nullopt, status};
        return out;
    };
    auto fail_all = [&](const std::string& status) {
        for (PlanValue& v : out)
            v = {std::nullopt, status};
        return out;
    };
    if (!tree.table_errors.empty())
        return fail_all(status_message(Status::error, tree.table_errors.front()));
    if (!options.relative && !std::isfinite(kgi_target))
        return fail_all(status_message(Status::error, "the target is not a finite number"));
    const auto chosen = chosen_kgi(tree, options);
    if (const auto* problem = std::get_if<std::string>(&chosen))
        return fail_all(*problem);
    const std::size_t kgi = std::get<std::size_t>(chosen);
    const auto problems = path_problems(tree, true, hypothesis_lever_note);
    statuses_outside(tree, kgi, problems, out);
    const auto members = arithmetic_subtree(tree, kgi);
    for (std::size_t n : members) // all or nothing: no plan computed around an unusable row
        if (!problems[n].empty())
            return fail(members, problems[n]);
    const auto movable = movable_rows(tree, members, options.flex);
    if (const auto* problem = std::get_if<std::string>(&movable))
        return fail_all(*problem);
    const auto period = planned_period(tree, kgi, options, std::get<std::vector<bool>>(movable));
    if (const auto* problem = std::get_if<std::string>(&period))
        return fail(members, *problem);
    const std::size_t t = std::get<std::size_t>(period);
    TargetSpreader spreader(tree, kgi, t, std::get<std::vector<bool>>(movable));
    const auto goal = goal_of(tree, kgi, t, spreader.value(kgi), kgi_target, options);
    if (const auto* problem = std::get_if<std::string>(&goal))
        return fail(members, *problem);
    if (std::string problem = spreader.run(std::get<double>(goal)); !problem.empty())
        return fail(members, problem);
    for (std::size_t n : members) {
        out[n].value = spreader.result(n);
        if (!out[n].value)
            out[n].value = spreader.value(n);
        if (!out[n].value)
            out[n].status =
                status_message(Status::nodata, q(tree, n) + " has no value in " + label(tree, t));
    }
    return out;
}

std::variant<std::vector<std::optional<double>>, std::string>
spread_change(const Tree& tree, std::size_t node, std::size_t period, double value) {
    std::vector<bool> movable(tree.nodes.size(), false);
    const auto members = arithmetic_subtree(tree, node);
    for (std::size_t n : members)
        movable[n] = tree.kinds[n] != Kind::constant;
    TargetSpreader spreader(tree, node, period, std::move(movable));
    if (std::string problem = spreader.run(value); !problem.empty())
        return problem;
    std::vector<std::optional<double>> out(tree.nodes.size());
    for (std::size_t n : members) {
        out[n] = spreader.result(n);
        if (!out[n])
            out[n] = spreader.value(n);
    }
    return out;
}

} // namespace kpitree
