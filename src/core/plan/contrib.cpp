// Contributions are a multi-level decomposition: the KGI's change is split among its children
// (sums by signed changes; products by LMDI-I, Ang 2004/2005, or Shapley, Shapley 1953 /
// Sun 1998, see decompose.cpp), and each child's contribution is split again among its own
// children. To carry a contribution down, every node keeps its contribution per unit change of
// its value (the product of the split rates along its path; for LMDI this is the
// multiplicative-chain form L(y)/L(x) of Ang's multilevel LMDI), so a child's contribution is
// that rate times its part of the parent's change. What rounding or a small identity residual
// leaves over (parent's contribution − Σ children's) is spread over the children in proportion
// to the size of their parts, which keeps the leaves summing to the KGI's change.
#include "kpitree/plan/contrib.hpp"

#include "kpitree/audit/check.hpp"
#include "plan/planning_detail.hpp"

#include <algorithm>
#include <cmath>

namespace kpitree {

using namespace detail;

namespace {

class ContributionSplitter {
public:
    ContributionSplitter(const Tree& tree, std::size_t from, std::size_t to,
                         const ContribOptions& options, std::vector<Contribution>& out)
        : tree_(tree), from_(from), to_(to), options_(options), out_(out),
          x0_(values_in(tree, from)), x1_(values_in(tree, to)), rate_(tree.nodes.size(), 1.0) {}

    // Top down over the KGI's arithmetic tree, without recursion: a node's contribution and
    // rate are known before its children are split.
    void run_root(std::size_t r) {
        if (!x0_[r] || !x1_[r]) {
            mark(r, status_message(Status::nodata, missing_text(r, x0_[r] ? to_ : from_)));
            return;
        }
        const double change = *x1_[r] - *x0_[r];
        if (!std::isfinite(change)) {
            mark(r, overflow_text(r));
            return;
        }
        out_[r].value = change;
        for (std::size_t p : arithmetic_subtree(tree_, r))
            if (out_[p].value)
                split(p);
    }

private:
    std::string missing_text(std::size_t n, std::size_t period) const {
        return q(tree_, n) + " has no value in " + label(tree_, period);
    }

    std::string overflow_text(std::size_t n) const {
        return status_message(Status::error, "overflow in the change of " + q(tree_, n) + " from " +
                                                 label(tree_, from_) + " to " + label(tree_, to_));
    }

    // Sets `status` on n and its arithmetic descendants that have no problem of their own.
    void mark(std::size_t n, const std::string& status) {
        for (std::size_t d : arithmetic_subtree(tree_, n))
            if (out_[d].status.empty() && !out_[d].value)
                out_[d].status = status;
    }
    void mark_all(std::span<const std::size_t> kids, const std::string& status) {
        for (std::size_t k : kids)
            mark(k, status);
    }

    // Why p's children cannot be split: a missing value, a zero divisor, an identity that
    // fails beyond the tolerance. Empty if they can.
    std::string split_problem(std::size_t p, std::span<const std::size_t> kids) const {
        for (std::size_t k : kids)
            if (!x0_[k] || !x1_[k])
                return status_message(Status::nodata, missing_text(k, x0_[k] ? to_ : from_));
        for (std::size_t period : {from_, to_}) {
            const auto& x = period == from_ ? x0_ : x1_;
            const Combined value = combine_children(tree_, p, [&](std::size_t c) { return x[c]; });
            if (!value.value)
                return status_message(Status::error,
                                      fault_text(tree_, p, value, label(tree_, period)));
            const auto actual = tree_.value(p, period);
            if (actual && std::fabs(*actual - *value.value) >
                              options_.mismatch_tolerance *
                                  std::max(std::fabs(*actual), std::fabs(*value.value)))
                return status_message(Status::mismatch,
                                      q(tree_, p) + " is " + format_number(*actual) +
                                          " but its children give " + format_number(*value.value) +
                                          " in " + label(tree_, period) +
                                          ", beyond the tolerance of " +
                                          format_number(options_.mismatch_tolerance * 100) +
                                          "% (see KPI.CHECK, or widen the tolerance argument)");
        }
        return {};
    }

    // p's contribution is out_[p].value; rate_[p] is its contribution per unit change of p.
    void split(std::size_t p) {
        const auto kids = tree_.arithmetic_children(p);
        if (kids.empty())
            return;
        if (std::string problem = split_problem(p, kids); !problem.empty()) {
            mark_all(kids, problem);
            return;
        }
        std::vector<double> parts, rates;
        std::optional<SplitMethod> method;
        bool fallback = false;
        const auto links = tree_.arithmetic_links(p);
        if (is_additive(links.front())) {
            std::vector<Term> terms;
            for (std::size_t i = 0; i < kids.size(); ++i)
                terms.push_back({*x0_[kids[i]], *x1_[kids[i]], sign_of(links[i])});
            parts = split_sum(terms);
            for (const Term& t : terms)
                rates.push_back(t.sign);
            method = SplitMethod::additive;
        } else {
            std::vector<Factor> factors;
            for (std::size_t i = 0; i < kids.size(); ++i)
                factors.push_back({*x0_[kids[i]], *x1_[kids[i]], sign_of(links[i])});
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
        assign(p, kids, parts, rates, method, fallback);
    }

    // The children's contributions: rate × part, plus their share of what rounding or a small
    // identity residual leaves over, in proportion to the parts' sizes.
    void assign(std::size_t p, std::span<const std::size_t> kids, const std::vector<double>& parts,
                const std::vector<double>& rates, std::optional<SplitMethod> method,
                bool fallback) {
        const double rate = rate_[p];
        double explained = 0, weight = 0;
        for (double d : parts) {
            explained += rate * d;
            weight += std::fabs(rate * d);
        }
        const double leftover = *out_[p].value - explained;
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const double share = weight > 0 ? leftover * (std::fabs(rate * parts[i]) / weight)
                                            : leftover / static_cast<double>(kids.size());
            Contribution& c = out_[kids[i]];
            if (!c.status.empty())
                continue; // its own problem (see path_problems)
            const double value = rate * parts[i] + share;
            if (!std::isfinite(value) || !std::isfinite(rate * rates[i])) {
                mark(kids[i], overflow_text(kids[i]));
                continue;
            }
            c.value = value;
            c.status.clear();
            c.method = method;
            c.fallback = fallback;
            rate_[kids[i]] = rate * rates[i];
        }
    }

    const Tree& tree_;
    std::size_t from_, to_;
    const ContribOptions& options_;
    std::vector<Contribution>& out_;
    std::vector<std::optional<double>> x0_, x1_;
    std::vector<double> rate_;
};

} // namespace

std::vector<Contribution> contributions(const Tree& tree, std::size_t from_period,
                                        std::size_t to_period, const ContribOptions& options) {
    std::vector<Contribution> out(tree.nodes.size());
    std::string range = period_range_problem(tree, from_period);
    if (range.empty())
        range = period_range_problem(tree, to_period);
    const auto problems = range.empty() ? path_problems(tree) : NodeTexts();
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].status = range.empty() ? problems[i] : range;
    if (!range.empty())
        return out;
    ContributionSplitter splitter(tree, from_period, to_period, options, out);
    for (std::size_t r : tree.roots)
        if (out[r].status.empty())
            splitter.run_root(r);
    return out;
}

} // namespace kpitree
