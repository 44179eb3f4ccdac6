// Planning functions on the tree: contributions, targets, roll-ups, elasticities.
//
// Contributions are a multi-level decomposition: the KGI's change is split among its children
// (sums by signed changes; products by LMDI-I, Ang 2004/2005, or Shapley, Shapley 1953 /
// Sun 1998, see decompose.cpp), and each child's contribution is split again among its own
// children. To carry a contribution down, every node keeps its contribution per unit change of
// its value (the product of the split rates along its path; for LMDI this is the
// multiplicative-chain form L(y)/L(x) of Ang's multilevel LMDI), so a child's contribution is
// that rate times its part of the parent's change. What rounding or a small identity residual
// leaves over (parent's contribution − Σ children's) is spread over the children in proportion
// to the size of their parts, which keeps the leaves summing to the KGI's change.
//
// Targets spread a required growth evenly over the links at each level, top down, then
// re-evaluate the tree bottom up with combine() and let one leaf absorb the rounding (a
// Newton step on the most influential movable leaf).
//
// Roll-ups weight each ratio by its base, the per-period running product of the factors before
// it in its parent's product, so a recomputed product equals the sum (flows) or the last value
// (stocks) of the per-period products exactly, as the ratios telescope.
//
// Elasticities are products of local elasticities along the path to the KGI, with each parent
// taken as f(children) so that identity residuals in the data do not leak in.
#include "kpitree/planning.hpp"

#include "kpitree/check.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace kpitree {

std::string_view status_token(Status status) {
    switch (status) {
    case Status::error:
        return "ERROR";
    case Status::nodata:
        return "NODATA";
    case Status::hypothesis:
        return "HYPOTHESIS";
    case Status::undefined:
        return "UNDEFINED";
    case Status::unreachable:
        return "UNREACHABLE";
    case Status::mismatch:
        return "MISMATCH";
    }
    return "ERROR";
}

std::string status_message(Status status, std::string_view detail) {
    std::string s(status_token(status));
    if (!detail.empty()) {
        s += ' ';
        s += detail;
    }
    return s;
}

std::optional<std::size_t> last_period_with_data(const Tree& tree, std::size_t node) {
    const Series& v = tree.nodes[node].values;
    for (std::size_t p = std::min(v.size(), tree.periods()); p > 0; --p)
        if (v[p - 1])
            return p - 1;
    return std::nullopt;
}

namespace {

std::string q(const Tree& tree, std::size_t n) {
    return "'" + tree.nodes[n].name + "'";
}

const std::string& label(const Tree& tree, std::size_t period) {
    return tree.period_labels[period];
}

// The value the planning functions use for a node in a period: the table's value, or
// f(children) where the cell is empty.
std::optional<double> value_at(const Tree& tree, std::size_t n, std::size_t period,
                               std::size_t depth = 0) {
    const Node& node = tree.nodes[n];
    if (period < node.values.size() && node.values[period])
        return node.values[period];
    if (!node.ok() || depth > tree.nodes.size())
        return std::nullopt;
    return combine(tree, n, [&](std::size_t c) { return value_at(tree, c, period, depth + 1); });
}

// Why a node cannot get a number whatever the period: its own error, a ~ link on the way to
// its KGI, an unusable node above it. Empty if none.
std::string path_problem(const Tree& tree, std::size_t n) {
    if (!tree.table_errors.empty())
        return status_message(Status::error, tree.table_errors.front());
    const Node& node = tree.nodes[n];
    if (!node.ok())
        return status_message(Status::error, node.errors.front());
    if (!node.root)
        return status_message(Status::error, q(tree, n) + " is not connected to a KGI");
    std::size_t c = n;
    for (std::size_t guard = 0; tree.nodes[c].parent && guard <= tree.nodes.size(); ++guard) {
        const std::size_t p = *tree.nodes[c].parent;
        if (tree.nodes[c].link == Link::hypothesis)
            return status_message(Status::hypothesis,
                                  c == n ? "~ link to " + q(tree, p) + ", outside the arithmetic"
                                         : "below the ~ link of " + q(tree, c));
        if (!tree.nodes[p].ok())
            return status_message(
                Status::error, q(tree, p) + " above is unusable: " + tree.nodes[p].errors.front());
        c = p;
    }
    return {};
}

// n and its arithmetic descendants, top down.
std::vector<std::size_t> arithmetic_subtree(const Tree& tree, std::size_t n) {
    std::vector<std::size_t> out{n};
    for (std::size_t i = 0; i < out.size() && out.size() <= tree.nodes.size(); ++i)
        for (std::size_t c : tree.arithmetic_children(out[i]))
            out.push_back(c);
    return out;
}

std::string period_range_problem(const Tree& tree, std::size_t period) {
    if (period < tree.periods())
        return {};
    return status_message(Status::error, "period " + std::to_string(period + 1) +
                                             " is outside 1.." + std::to_string(tree.periods()));
}

int sign_of(Link link) {
    return link == Link::subtract || link == Link::divide ? -1 : 1;
}

} // namespace

// ---- contributions ----------------------------------------------------------------------

namespace {

class ContributionSplitter {
public:
    ContributionSplitter(const Tree& tree, std::size_t from, std::size_t to,
                         const ContribOptions& options, std::vector<Contribution>& out)
        : tree_(tree), from_(from), to_(to), options_(options), out_(out) {}

    void run_root(std::size_t r) {
        const auto v0 = value_at(tree_, r, from_), v1 = value_at(tree_, r, to_);
        if (!v0 || !v1) {
            mark(r, status_message(Status::nodata, missing_text(r, v0 ? to_ : from_)));
            return;
        }
        out_[r].value = *v1 - *v0;
        split(r, *v1 - *v0, 1.0);
    }

private:
    std::string missing_text(std::size_t n, std::size_t period) const {
        return q(tree_, n) + " has no value in " + label(tree_, period);
    }

    // Sets `status` on n and its arithmetic descendants that have no problem of their own.
    void mark(std::size_t n, const std::string& status) {
        for (std::size_t d : arithmetic_subtree(tree_, n))
            if (out_[d].status.empty() && !out_[d].value)
                out_[d].status = status;
    }
    void mark_all(const std::vector<std::size_t>& kids, const std::string& status) {
        for (std::size_t k : kids)
            mark(k, status);
    }

    // p's contribution is `contribution`; `rate` is its contribution per unit change of p.
    void split(std::size_t p, double contribution, double rate) {
        const auto kids = tree_.arithmetic_children(p);
        if (kids.empty())
            return;
        for (std::size_t k : kids)
            if (!tree_.nodes[k].ok()) {
                mark_all(kids, status_message(Status::error, "cannot split " + q(tree_, p) + ": " +
                                                                 q(tree_, k) + " is unusable"));
                return;
            }
        std::vector<double> x0, x1;
        for (std::size_t k : kids) {
            const auto a = value_at(tree_, k, from_), b = value_at(tree_, k, to_);
            if (!a || !b) {
                mark_all(kids, status_message(Status::nodata, missing_text(k, a ? to_ : from_)));
                return;
            }
            x0.push_back(*a);
            x1.push_back(*b);
        }
        for (int side = 0; side < 2; ++side) {
            const std::size_t period = side == 0 ? from_ : to_;
            const auto& x = side == 0 ? x0 : x1;
            std::optional<std::size_t> zero;
            const auto value = combine(
                tree_, p,
                [&](std::size_t c) {
                    return std::optional<double>(
                        x[std::find(kids.begin(), kids.end(), c) - kids.begin()]);
                },
                &zero);
            if (!value) {
                mark_all(kids,
                         status_message(Status::error,
                                        "division by zero: " +
                                            (zero ? q(tree_, *zero) : std::string("a child")) +
                                            " is 0 in " + label(tree_, period)));
                return;
            }
            const auto& actual = tree_.nodes[p].values[period];
            if (actual &&
                std::fabs(*actual - *value) >
                    options_.mismatch_tolerance * std::max(std::fabs(*actual), std::fabs(*value))) {
                mark_all(kids,
                         status_message(Status::mismatch,
                                        q(tree_, p) + " is " + format_number(*actual) +
                                            " but its children give " + format_number(*value) +
                                            " in " + label(tree_, period) + " (see KPI.CHECK)"));
                return;
            }
        }
        std::vector<double> parts, rates;
        std::optional<SplitMethod> method;
        bool fallback = false;
        if (is_additive(tree_.nodes[kids.front()].link)) {
            std::vector<Term> terms;
            for (std::size_t i = 0; i < kids.size(); ++i)
                terms.push_back({x0[i], x1[i], sign_of(tree_.nodes[kids[i]].link)});
            parts = split_sum(terms);
            for (const Term& t : terms)
                rates.push_back(t.sign);
            method = SplitMethod::additive;
        } else {
            std::vector<Factor> factors;
            for (std::size_t i = 0; i < kids.size(); ++i)
                factors.push_back({x0[i], x1[i], sign_of(tree_.nodes[kids[i]].link)});
            auto s = split_product(factors, options_.method);
            if (!s) { // cannot happen after combine() succeeded, but never divide by zero
                mark_all(kids,
                         status_message(Status::error, "division by zero below " + q(tree_, p)));
                return;
            }
            parts = std::move(s->parts);
            rates = std::move(s->rates);
            method = s->method;
            fallback = s->fallback;
        }
        double explained = 0, weight = 0;
        for (double d : parts) {
            explained += rate * d;
            weight += std::fabs(rate * d);
        }
        const double leftover = contribution - explained;
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const double share = weight > 0 ? leftover * (std::fabs(rate * parts[i]) / weight)
                                            : leftover / static_cast<double>(kids.size());
            Contribution& c = out_[kids[i]];
            c.value = rate * parts[i] + share;
            c.status.clear();
            c.method = method;
            c.fallback = fallback;
            split(kids[i], *c.value, rate * rates[i]);
        }
    }

    const Tree& tree_;
    std::size_t from_, to_;
    const ContribOptions& options_;
    std::vector<Contribution>& out_;
};

} // namespace

std::vector<Contribution> contributions(const Tree& tree, std::size_t from_period,
                                        std::size_t to_period, const ContribOptions& options) {
    std::vector<Contribution> out(tree.nodes.size());
    std::string range = period_range_problem(tree, from_period);
    if (range.empty())
        range = period_range_problem(tree, to_period);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].status = range.empty() ? path_problem(tree, i) : range;
    if (!range.empty())
        return out;
    ContributionSplitter splitter(tree, from_period, to_period, options, out);
    for (std::size_t r : tree.roots)
        if (out[r].status.empty())
            splitter.run_root(r);
    return out;
}

// ---- targets ----------------------------------------------------------------------------

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

// ---- roll-up ----------------------------------------------------------------------------

std::optional<Kind> parse_kind(std::string_view text) {
    const std::string t = keyword(text);
    if (t == "flow")
        return Kind::flow;
    if (t == "stock")
        return Kind::stock;
    if (t == "ratio")
        return Kind::ratio;
    return std::nullopt;
}

std::string_view kind_name(Kind kind) {
    switch (kind) {
    case Kind::flow:
        return "flow";
    case Kind::stock:
        return "stock";
    case Kind::ratio:
        return "ratio";
    }
    return "flow";
}

namespace {

// How a ratio is weighted over a bucket: by a base series (inside a flow), at the bucket's
// last period (inside a stock), or not at all (no flow to weight it by: undefined).
enum class Context { none, flow, stock };

struct RatioWeight {
    Context context = Context::none;
    std::vector<std::size_t> base_factors; // base_t = Π x_j(t)^(e_j) over these nodes
    std::vector<int> base_exponents;
    int exponent = 1; // the ratio enters its product as x^exponent
};

class RollupBuilder {
public:
    RollupBuilder(const Tree& tree, std::size_t per_bucket,
                  std::span<const std::optional<Kind>> kinds)
        : tree_(tree), kinds_(kinds), weight_(tree.nodes.size()), done_(tree.nodes.size()) {
        const std::size_t periods = tree.periods();
        for (std::size_t first = 0; first < periods; first += per_bucket) {
            const std::size_t count = std::min(per_bucket, periods - first);
            result_.buckets.push_back({first, count, count < per_bucket});
        }
        result_.nodes.resize(tree.nodes.size());
        for (RolledNode& r : result_.nodes)
            r.values.assign(result_.buckets.size(), std::nullopt);
    }

    Rollup run() {
        for (std::size_t n = 0; n < tree_.nodes.size(); ++n) {
            const Node& node = tree_.nodes[n];
            const bool top =
                node.root && node.ok() && (!node.parent || node.link == Link::hypothesis);
            if (top)
                infer(n, given(n).value_or(top_kind(n)), RatioWeight{});
        }
        for (std::size_t n = 0; n < tree_.nodes.size(); ++n)
            roll(n);
        return std::move(result_);
    }

private:
    std::optional<Kind> given(std::size_t n) const {
        return n < kinds_.size() ? kinds_[n] : std::nullopt;
    }

    // A KGI or ~ row is a flow, or a ratio when all its values lie in [0, 1].
    Kind top_kind(std::size_t n) const { return in_unit_interval(n) ? Kind::ratio : Kind::flow; }

    bool is_unit_interval_leaf(std::size_t n) const {
        return tree_.arithmetic_children(n).empty() && in_unit_interval(n);
    }

    bool in_unit_interval(std::size_t n) const {
        bool any = false;
        for (const auto& v : tree_.nodes[n].values) {
            if (v && (*v < 0.0 || *v > 1.0))
                return false;
            any = any || v.has_value();
        }
        return any;
    }

    // Kinds and ratio weights, top down from a KGI or a ~ row.
    void infer(std::size_t n, Kind kind, RatioWeight weight) {
        RolledNode& r = result_.nodes[n];
        r.kind = kind;
        r.kind_given = given(n).has_value();
        weight_[n] = weight;
        if (!tree_.nodes[n].ok())
            return;
        for (std::size_t c : tree_.nodes[n].children)
            if (tree_.nodes[c].link == Link::hypothesis && tree_.nodes[c].ok())
                infer(c, given(c).value_or(top_kind(c)), RatioWeight{});
        const auto kids = tree_.arithmetic_children(n);
        if (kids.empty())
            return;
        if (is_additive(tree_.nodes[kids.front()].link)) {
            for (std::size_t c : kids) {
                const Kind k = given(c).value_or(kind);
                RatioWeight w = k == Kind::ratio && kind == Kind::ratio ? weight : RatioWeight{};
                w.exponent = 1;
                infer(c, k, w);
            }
            return;
        }
        // A product: find the child carrying the flow (stock), order it first.
        std::vector<std::size_t> order;
        std::optional<std::size_t> carrier;
        bool has_divisor = false;
        for (std::size_t c : kids)
            has_divisor = has_divisor || tree_.nodes[c].link == Link::divide;
        if (kind != Kind::ratio) {
            auto pick = [&](auto&& accept) {
                for (std::size_t c : kids)
                    if (!carrier && tree_.nodes[c].link == Link::multiply && accept(c))
                        carrier = c;
            };
            pick([&](std::size_t c) { return given(c) == kind; });
            pick([&](std::size_t c) { return !given(c) && !is_unit_interval_leaf(c); });
            pick([&](std::size_t c) { return !given(c); });
            if (carrier)
                order.push_back(*carrier);
        }
        for (std::size_t c : kids)
            if (c != carrier)
                order.push_back(c);
        RatioWeight running; // no carrier in a flow or stock product: nothing to weight by
        if (kind == Kind::ratio)
            running = weight;
        else if (carrier)
            running.context = kind == Kind::stock ? Context::stock : Context::flow;
        for (std::size_t c : order) {
            Kind k = Kind::ratio;
            if (c == carrier)
                k = kind;
            else if (kind == Kind::ratio && has_divisor)
                k = Kind::flow;
            k = given(c).value_or(k);
            RatioWeight w = running;
            w.exponent = sign_of(tree_.nodes[c].link);
            infer(c, k, k == Kind::ratio ? w : RatioWeight{});
            running.base_factors.push_back(c);
            running.base_exponents.push_back(sign_of(tree_.nodes[c].link));
        }
    }

    std::optional<double> value(std::size_t n, std::size_t period) const {
        return value_at(tree_, n, period);
    }

    std::optional<double> roll_leaf(std::size_t n, const Bucket& b) const {
        const RolledNode& r = result_.nodes[n];
        const std::size_t last = b.first + b.count - 1;
        if (r.kind == Kind::stock)
            return value(n, last);
        if (r.kind == Kind::flow) {
            double sum = 0;
            for (std::size_t t = b.first; t <= last; ++t) {
                const auto v = value(n, t);
                if (!v)
                    return std::nullopt;
                sum += *v;
            }
            return sum;
        }
        const RatioWeight& w = weight_[n];
        if (w.context == Context::stock)
            return value(n, last);
        double num = 0, den = 0;
        for (std::size_t t = b.first; t <= last; ++t) {
            double base = 1;
            for (std::size_t j = 0; j < w.base_factors.size(); ++j) {
                const auto x = value(w.base_factors[j], t);
                if (!x || (w.base_exponents[j] < 0 && *x == 0.0))
                    return std::nullopt;
                base = w.base_exponents[j] < 0 ? base / *x : base * *x;
            }
            const auto x = value(n, t);
            if (!x || (w.exponent < 0 && *x == 0.0))
                return std::nullopt;
            num += base * (w.exponent < 0 ? 1.0 / *x : *x);
            den += base;
        }
        if (den == 0.0 || (w.exponent < 0 && num == 0.0))
            return std::nullopt;
        const double rolled = num / den;
        return w.exponent < 0 ? 1.0 / rolled : rolled;
    }

    void roll(std::size_t n) {
        if (done_[n])
            return;
        done_[n] = true;
        RolledNode& r = result_.nodes[n];
        const Node& node = tree_.nodes[n];
        if (!tree_.table_errors.empty()) {
            r.status = status_message(Status::error, tree_.table_errors.front());
            return;
        }
        if (!node.ok()) {
            r.status = status_message(Status::error, node.errors.front());
            return;
        }
        if (!node.root) {
            r.status = status_message(Status::error, q(tree_, n) + " is not connected to a KGI");
            return;
        }
        for (auto p = node.parent; p; p = tree_.nodes[*p].parent)
            if (!tree_.nodes[*p].ok()) {
                r.status = status_message(Status::error, q(tree_, *p) + " above is unusable: " +
                                                             tree_.nodes[*p].errors.front());
                return;
            }
        const auto kids = tree_.arithmetic_children(n);
        if (kids.empty()) {
            if (r.kind == Kind::ratio && weight_[n].context == Context::none) {
                r.status = status_message(Status::undefined,
                                          q(tree_, n) + " is a ratio with no flow to weight it; "
                                                        "roll up its numerator and denominator");
                return;
            }
            for (std::size_t b = 0; b < result_.buckets.size(); ++b)
                r.values[b] = roll_leaf(n, result_.buckets[b]);
            return;
        }
        for (std::size_t c : kids) {
            roll(c);
            if (!result_.nodes[c].status.empty()) {
                r.status =
                    status_message(Status::error, "child " + q(tree_, c) + " cannot be rolled up");
                if (result_.nodes[c].status.rfind("UNDEFINED", 0) == 0)
                    r.status = status_message(Status::undefined,
                                              "child " + q(tree_, c) + " cannot be rolled up");
                return;
            }
        }
        for (std::size_t b = 0; b < result_.buckets.size(); ++b)
            r.values[b] =
                combine(tree_, n, [&](std::size_t c) { return result_.nodes[c].values[b]; });
    }

    const Tree& tree_;
    std::span<const std::optional<Kind>> kinds_;
    std::vector<RatioWeight> weight_;
    std::vector<bool> done_;
    Rollup result_;
};

} // namespace

Rollup rollup(const Tree& tree, std::size_t periods_per_bucket,
              std::span<const std::optional<Kind>> kinds) {
    if (periods_per_bucket == 0)
        throw std::invalid_argument("rollup: periods_per_bucket must be at least 1");
    if (!kinds.empty() && kinds.size() != tree.nodes.size())
        throw std::invalid_argument("rollup: kinds must have one entry per node");
    return RollupBuilder(tree, periods_per_bucket, kinds).run();
}

std::string bucket_label(const Tree& tree, const Rollup& rollup, std::size_t bucket) {
    const Bucket& b = rollup.buckets[bucket];
    std::string s = label(tree, b.first);
    if (b.count > 1)
        s += "\u2013" + label(tree, b.first + b.count - 1);
    if (b.partial) {
        const std::size_t full = rollup.buckets.size() > 1 ? rollup.buckets.front().count : 0;
        s += " (" + std::to_string(b.count) + " of " +
             (full ? std::to_string(full) : std::string("more")) + ")";
    }
    return s;
}

// ---- elasticities -----------------------------------------------------------------------

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
