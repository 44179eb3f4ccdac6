// The per-period identity check. A period is compared when the node and all its arithmetic
// children have values; the identity holds when |actual − expected| is within the tolerance
// relative to |expected| plus a floating-point floor of a few ulps of the terms (for sums, of
// the largest terms, so cancellation does not magnify rounding noise).
#include "kpitree/check.hpp"

#include "text.hpp"

#include <cmath>
#include <limits>

namespace kpitree {

std::optional<double> combine(const Tree& tree, std::size_t node,
                              const std::function<std::optional<double>(std::size_t)>& value_of,
                              std::optional<std::size_t>* division_by_zero) {
    const auto children = tree.arithmetic_children(node);
    if (children.empty() || tree.has_mixed_children(node))
        return std::nullopt;
    const bool additive = is_additive(tree.nodes[children.front()].link);
    double result = additive ? 0.0 : 1.0;
    std::optional<std::size_t> zero_divisor;
    for (std::size_t c : children) {
        const std::optional<double> v = value_of(c);
        if (!v)
            return std::nullopt;
        switch (tree.nodes[c].link) {
        case Link::add:
            result += *v;
            break;
        case Link::subtract:
            result -= *v;
            break;
        case Link::multiply:
            result *= *v;
            break;
        case Link::divide:
            if (*v == 0.0)
                zero_divisor = zero_divisor.value_or(c);
            else
                result /= *v;
            break;
        default:
            break;
        }
    }
    if (zero_divisor) {
        if (division_by_zero)
            *division_by_zero = zero_divisor;
        return std::nullopt;
    }
    return result;
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
    for (std::size_t c : tree.nodes[node].children) {
        const Node& child = tree.nodes[c];
        if (child.link != Link::hypothesis && !child.ok())
            return "child '" + child.name + "' is unusable: " + child.errors.front();
    }
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
        std::optional<std::size_t> zero;
        r.expected[p] = combine(
            tree, i, [&](std::size_t c) { return tree.nodes[c].values[p]; }, &zero);
        if (zero && r.verdict != Verdict::error) {
            r.verdict = Verdict::error;
            r.reason = "division by zero in " + tree.period_labels[p] + ": '" +
                       tree.nodes[*zero].name + "' is 0";
        }
        if (!r.expected[p] || !node.values[p])
            continue;
        const double expected = *r.expected[p], actual = *node.values[p];
        const double residual = actual - expected;
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
            return "OK";
        return "OK " + std::to_string(r.compared) + " of " + std::to_string(periods) +
               " periods (the others lack data)";
    case Verdict::mismatch: {
        const std::size_t p = *r.worst_period;
        const double residual = *r.residual[p], expected = *r.expected[p];
        std::string text = "MISMATCH " + std::to_string(r.mismatched) + " of " +
                           std::to_string(r.compared) + (r.compared == 1 ? " period" : " periods") +
                           "; worst " + tree.period_labels[p] + ": residual " +
                           format_short(residual, 6);
        if (expected != 0)
            text += " (" + format_short(100.0 * residual / std::fabs(expected), 3) + "%)";
        return text;
    }
    case Verdict::leaf:
        return "LEAF";
    case Verdict::nodata:
        return "NODATA no period has values for this KPI and all its children";
    case Verdict::error:
        return "ERROR " + r.reason;
    }
    return {};
}

} // namespace kpitree
