// The per-period identity check. A period is compared when the node and all its arithmetic
// children have values; the identity holds when |actual − expected| is within the tolerance
// relative to |expected| plus a floating-point floor of a few ulps of the terms (for sums, of
// the largest terms, so cancellation does not magnify rounding noise).
#include "kpitree/audit/check.hpp"

#include "kpitree/model/status.hpp"
#include "model/text.hpp"
#include "stats/compensated_sum.hpp"

#include <cmath>
#include <limits>

namespace kpitree {

using detail::CompensatedSum;

Combined combine_children(const Tree& tree, std::size_t node,
                          const std::function<std::optional<double>(std::size_t)>& value_of) {
    if (tree.nodes[node].unusable_child)
        return {std::nullopt, CombineFault::unusable_child, tree.nodes[node].unusable_child};
    const auto children = tree.arithmetic_children(node);
    if (children.empty() || tree.has_mixed_children(node))
        return {std::nullopt, CombineFault::no_arithmetic, std::nullopt};
    CompensatedSum sum;
    long double product = 1;
    std::optional<std::size_t> zero_divisor;
    for (std::size_t c : children) {
        const std::optional<double> v = value_of(c);
        if (!v)
            return {std::nullopt, CombineFault::missing, c};
        const Link link = tree.nodes[c].link;
        if (link == Link::divide && *v == 0.0)
            zero_divisor = zero_divisor.value_or(c);
        else if (is_additive(link))
            sum.add(link == Link::add ? *v : -static_cast<long double>(*v));
        else
            product = link == Link::multiply ? product * *v : product / *v;
    }
    if (zero_divisor)
        return {std::nullopt, CombineFault::division_by_zero, zero_divisor};
    const bool additive = is_additive(tree.nodes[children.front()].link);
    const double result = static_cast<double>(additive ? sum.value() : product);
    if (!std::isfinite(result))
        return {std::nullopt, CombineFault::overflow, std::nullopt};
    return {result, CombineFault::none, std::nullopt};
}

std::string fault_text(const Tree& tree, std::size_t node, const Combined& c,
                       std::string_view period_label) {
    const std::string in(period_label);
    const auto name = [&](std::size_t n) { return "'" + tree.nodes[n].name + "'"; };
    switch (c.fault) {
    case CombineFault::none:
        return {};
    case CombineFault::no_arithmetic:
        return name(node) + " has no arithmetic children to compute it from";
    case CombineFault::unusable_child:
        return "child " + name(*c.child) + " is unusable: " + tree.nodes[*c.child].errors.front();
    case CombineFault::missing:
        return name(*c.child) + " has no value in " + in;
    case CombineFault::division_by_zero:
        return "division by zero in " + in + ": " + name(*c.child) + " is 0";
    case CombineFault::overflow:
        return "overflow in " + in + ": the arithmetic under " + name(node) +
               " leaves the range of numbers";
    }
    return {};
}

std::optional<double> combine(const Tree& tree, std::size_t node,
                              const std::function<std::optional<double>(std::size_t)>& value_of,
                              std::optional<std::size_t>* division_by_zero) {
    Combined c = combine_children(tree, node, value_of);
    if (c.fault == CombineFault::division_by_zero && division_by_zero)
        *division_by_zero = c.child;
    return c.value;
}

std::optional<double> expected_value(const Tree& tree, std::size_t node, std::size_t period) {
    return combine(tree, node, [&](std::size_t c) { return tree.nodes[c].values[period]; });
}

namespace {

// Magnitude the rounding error of f(children) scales with.
double rounding_scale(const Tree& tree, const std::vector<std::size_t>& children,
                      std::size_t period, double expected, double actual) {
    double scale = std::max(std::fabs(expected), std::fabs(actual));
    if (is_additive(tree.nodes[children.front()].link))
        for (std::size_t c : children)
            scale = std::max(scale, std::fabs(*tree.nodes[c].values[period]));
    return scale;
}

std::string child_problem(const Tree& tree, std::size_t node) {
    if (const auto c = tree.nodes[node].unusable_child)
        return "child '" + tree.nodes[*c].name + "' is unusable: " + tree.nodes[*c].errors.front();
    return {};
}

CheckResult check_node(const Tree& tree, std::size_t i, const CheckOptions& options) {
    const Node& node = tree.nodes[i];
    CheckResult r;
    r.expected.assign(tree.periods(), std::nullopt);
    r.residual.assign(tree.periods(), std::nullopt);
    if (!node.ok()) {
        r.verdict = Verdict::error;
        r.reason = node.errors.front();
        return r;
    }
    if (std::string problem = child_problem(tree, i); !problem.empty()) {
        r.verdict = Verdict::error;
        r.reason = problem;
        return r;
    }
    const auto children = tree.arithmetic_children(i);
    if (children.empty()) {
        r.verdict = Verdict::leaf;
        return r;
    }
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double floor_ulps = 4.0 * static_cast<double>(children.size() + 1);
    double worst = -1;
    for (std::size_t p = 0; p < tree.periods(); ++p) {
        const Combined combined =
            combine_children(tree, i, [&](std::size_t c) { return tree.nodes[c].values[p]; });
        r.expected[p] = combined.value;
        const bool fatal = combined.fault == CombineFault::division_by_zero ||
                           combined.fault == CombineFault::overflow;
        if (fatal && r.verdict != Verdict::error) {
            r.verdict = Verdict::error;
            r.reason = fault_text(tree, i, combined, tree.period_labels[p]);
        }
        if (!r.expected[p] || !node.values[p])
            continue;
        const double expected = *r.expected[p], actual = *node.values[p];
        const double residual = actual - expected;
        if (!std::isfinite(residual)) { // 1.7e308 − (−1e308)
            r.verdict = Verdict::error;
            r.reason = "overflow in " + tree.period_labels[p] +
                       ": the residual leaves the range of numbers";
            r.residual[p].reset();
            continue;
        }
        r.residual[p] = residual;
        ++r.compared;
        const double scale = rounding_scale(tree, children, p, expected, actual);
        const double allowed = options.tolerance * std::fabs(expected) + floor_ulps * eps * scale;
        if (std::fabs(residual) > allowed) {
            ++r.mismatched;
            const double badness = std::fabs(residual) / (scale > 0 ? scale : 1.0);
            if (badness > worst) {
                worst = badness;
                r.worst_period = p;
            }
        }
    }
    if (r.verdict == Verdict::error)
        return r;
    r.verdict = r.mismatched > 0  ? Verdict::mismatch
                : r.compared == 0 ? Verdict::nodata
                                  : Verdict::ok;
    return r;
}

} // namespace

std::vector<CheckResult> check_tree(const Tree& tree, const CheckOptions& options) {
    std::vector<CheckResult> results;
    results.reserve(tree.nodes.size());
    for (std::size_t i = 0; i < tree.nodes.size(); ++i)
        results.push_back(check_node(tree, i, options));
    return results;
}

std::string status_text(const Tree& tree, const CheckResult& r) {
    const std::size_t periods = tree.periods();
    switch (r.verdict) {
    case Verdict::ok:
        if (r.compared == periods)
            return status_message(Status::ok);
        return status_message(Status::ok) + " " + std::to_string(r.compared) + " of " +
               std::to_string(periods) + " periods (the others lack data)";
    case Verdict::mismatch: {
        const std::size_t p = *r.worst_period;
        const double residual = *r.residual[p], expected = *r.expected[p];
        std::string text = status_message(Status::mismatch, std::to_string(r.mismatched)) + " of " +
                           std::to_string(r.compared) + (r.compared == 1 ? " period" : " periods") +
                           "; worst " + tree.period_labels[p] + ": residual " +
                           format_short(residual, 6);
        if (expected != 0)
            text += " (" + format_short(residual / std::fabs(expected) * 100.0, 3) + "%)";
        return text;
    }
    case Verdict::leaf:
        return status_message(Status::leaf);
    case Verdict::nodata:
        return status_message(Status::nodata,
                              "no period has values for this KPI and all its children");
    case Verdict::error:
        return status_message(Status::error, r.reason);
    }
    return {};
}

} // namespace kpitree
