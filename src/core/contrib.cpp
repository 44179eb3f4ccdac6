// Contributions are a multi-level decomposition: the KGI's change is split among its children
// (sums by signed changes; products by LMDI-I, Ang 2004/2005, or Shapley, Shapley 1953 /
// Sun 1998, see decompose.cpp), and each child's contribution is split again among its own
// children. To carry a contribution down, every node keeps its contribution per unit change of
// its value (the product of the split rates along its path; for LMDI this is the
// multiplicative-chain form L(y)/L(x) of Ang's multilevel LMDI), so a child's contribution is
// that rate times its part of the parent's change. What rounding or a small identity residual
// leaves over (parent's contribution − Σ children's) is spread over the children in proportion
// to the size of their parts, which keeps the leaves summing to the KGI's change.
#include "kpitree/contrib.hpp"

#include "kpitree/check.hpp"
#include "planning_detail.hpp"

#include <algorithm>
#include <cmath>

namespace kpitree {

using namespace detail;

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

} // namespace kpitree
