// The per-period identity check. A period is compared when the node and all its arithmetic
// children have values; the identity holds when |actual − expected| is within the tolerance
// relative to |expected| plus a noise floor per term (a few ulps, and the 15 significant digits
// a saved spreadsheet keeps; for sums relative to the largest term, so cancellation does not
// magnify rounding noise).
//
// The rounding tolerance bounds what rounding each input to its last digit can do: a value v
// shown with its last digit at 10^e stands for anything in v ± 10^e / 2; the children's
// intervals are combined by interval arithmetic (Moore, "Interval Analysis", 1966), which is
// exact for one sum or one product of independent intervals, and the parent's own half unit is
// added. A row's digits are read from the shortest decimal form of its values, which is how
// the spreadsheet shows them unless a number format hides digits (then the bound is tighter
// than the rounding the user sees, never looser).
#include "kpitree/audit/check.hpp"

#include "kpitree/model/status.hpp"
#include "model/text.hpp"
#include "stats/compensated_sum.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace kpitree {

using detail::CompensatedSum;

Combined combine_children(const Tree& tree, std::size_t node,
                          const std::function<std::optional<double>(std::size_t)>& value_of) {
    if (tree.nodes[node].unusable_child)
        return {std::nullopt, CombineFault::unusable_child, tree.nodes[node].unusable_child};
    const auto children = tree.arithmetic_children(node);
    if (children.empty() || tree.has_mixed_children(node))
        return {std::nullopt, CombineFault::no_arithmetic, std::nullopt};
    const auto links = tree.arithmetic_links(node);
    CompensatedSum sum;
    long double product = 1;
    std::optional<std::size_t> zero_divisor;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const std::size_t c = children[i];
        const std::optional<double> v = value_of(c);
        if (!v)
            return {std::nullopt, CombineFault::missing, c};
        const Link link = links[i];
        if (link == Link::divide && *v == 0.0)
            zero_divisor = zero_divisor.value_or(c);
        else if (is_additive(link))
            sum.add(link == Link::add ? *v : -static_cast<long double>(*v));
        else
            product = link == Link::multiply ? product * *v : product / *v;
    }
    if (zero_divisor)
        return {std::nullopt, CombineFault::division_by_zero, zero_divisor};
    const bool additive = is_additive(links.front());
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
    return combine(tree, node, [&](std::size_t c) { return tree.value(c, period); });
}

namespace {

// The exponent of the last nonzero digit of v's shortest decimal form: 1149 → 0,
// 1100000 → 5, 0.2476 → −4.
int last_digit_exponent(double v) {
    char buffer[64];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific);
    const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
    const std::size_t e = text.find('e');
    if (ec != std::errc() || e == std::string_view::npos)
        return 0;
    int digits = 0;
    for (char c : text.substr(0, e))
        digits += c >= '0' && c <= '9';
    return std::atoi(std::string(text.substr(e + 1)).c_str()) - (digits - 1);
}

// The interval [lo, hi] of Π child^(±1) over children (linked by `links`) in value ± half unit;
// `values`: every node's value in the period.
std::pair<long double, long double>
product_interval(const std::vector<double>& half, std::span<const std::size_t> children,
                 std::span<const Link> links, std::span<const std::optional<double>> values) {
    long double lo = 1, hi = 1;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const std::size_t c = children[i];
        const long double v = *values[c], h = half[c];
        long double a = v - h, b = v + h;
        if (links[i] == Link::divide) { // h <= |v| / 2: the interval excludes 0
            const long double inv_a = 1 / b, inv_b = 1 / a;
            a = inv_a;
            b = inv_b;
        }
        const long double p[] = {lo * a, lo * b, hi * a, hi * b};
        lo = *std::min_element(std::begin(p), std::end(p));
        hi = *std::max_element(std::begin(p), std::end(p));
    }
    return {lo, hi};
}

} // namespace

std::vector<double> half_units(const Tree& tree) {
    const std::size_t nodes = tree.nodes.size();
    // Per node, over its nonzero finite values: the finest last digit and how many there are,
    // gathered period by period (the order the tree keeps its values in).
    constexpr int none = std::numeric_limits<int>::max();
    std::vector<int> finest(nodes, none);
    std::vector<std::size_t> nonzero(nodes, 0);
    std::vector<bool> constant(nodes);
    for (std::size_t i = 0; i < nodes; ++i)
        constant[i] = tree.kinds[i] == Kind::constant;
    for (std::size_t p = 0; p < tree.periods(); ++p) {
        const auto values = tree.period_values(p);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto& v = values[i];
            if (constant[i] || !v || *v == 0.0 || !std::isfinite(*v))
                continue;
            ++nonzero[i];
            finest[i] = std::min(finest[i], last_digit_exponent(*v));
        }
    }
    std::vector<double> half(nodes, 0.0);
    for (std::size_t i = 0; i < nodes; ++i) {
        if (finest[i] == none)
            continue;
        const int e = finest[i] > 0 && nonzero[i] < 3 ? 0 : std::min(finest[i], 300);
        half[i] = 0.5 * std::pow(10.0, e);
    }
    return half;
}

std::optional<double> rounding_bound(const Tree& tree, const std::vector<double>& half,
                                     std::size_t node, std::size_t period) {
    const auto children = tree.arithmetic_children(node);
    const auto links = tree.arithmetic_links(node);
    const auto values = tree.period_values(period);
    if (children.empty() || !tree.value(node, period))
        return std::nullopt;
    for (std::size_t c : children)
        if (!values[c])
            return std::nullopt;
    long double deviation = 0;
    if (is_additive(links.front())) {
        for (std::size_t c : children)
            deviation += half[c];
    } else {
        long double expected = 1;
        for (std::size_t i = 0; i < children.size(); ++i) {
            const long double v = *values[children[i]];
            expected = links[i] == Link::divide ? expected / v : expected * v;
        }
        const auto [lo, hi] = product_interval(half, children, links, values);
        deviation = std::max(hi - expected, expected - lo);
    }
    return static_cast<double>(deviation + half[node]);
}

namespace {

// Magnitude the rounding error of f(children) of `node` scales with; `values`: every node's
// value in the period.
double rounding_scale(const Tree& tree, std::size_t node,
                      std::span<const std::optional<double>> values, double expected,
                      double actual) {
    double scale = std::max(std::fabs(expected), std::fabs(actual));
    if (is_additive(tree.arithmetic_links(node).front()))
        for (std::size_t c : tree.arithmetic_children(node))
            scale = std::max(scale, std::fabs(*values[c]));
    return scale;
}

std::string child_problem(const Tree& tree, std::size_t node) {
    if (const auto c = tree.nodes[node].unusable_child)
        return "child '" + tree.nodes[*c].name + "' is unusable: " + tree.nodes[*c].errors.front();
    return {};
}

// The checks of a row before its periods: an ERROR or LEAF result, or nullopt to go on.
std::optional<CheckResult> precheck(const Tree& tree, std::size_t i) {
    CheckResult r;
    r.expected.assign(tree.periods(), std::nullopt);
    r.residual.assign(tree.periods(), std::nullopt);
    if (!tree.nodes[i].ok()) {
        r.verdict = Verdict::error;
        r.reason = tree.nodes[i].errors.front();
        return r;
    }
    if (std::string problem = child_problem(tree, i); !problem.empty()) {
        r.verdict = Verdict::error;
        r.reason = problem;
        return r;
    }
    if (tree.arithmetic_children(i).empty()) {
        r.verdict = Verdict::leaf;
        return r;
    }
    return std::nullopt;
}

// How the compared periods went, for the percent hint and the drift note.
struct Pattern {
    bool hundred = true, hundredth = true; // actual ÷ expected about 100 (0.01) every time
    std::vector<int> outcome;              // per period: 0 not compared, 1 holds, ±2 off (sign)
};

void note_period(Pattern& pattern, std::size_t p, double actual, double expected, bool off) {
    const double ratio = expected != 0 ? actual / expected : 0.0;
    pattern.hundred &= std::fabs(ratio / 100.0 - 1.0) <= 0.05;
    pattern.hundredth &= std::fabs(ratio * 100.0 - 1.0) <= 0.05;
    pattern.outcome[p] = !off ? 1 : actual > expected ? 2 : -2;
}

void finish(CheckResult& r, const Pattern& pattern) {
    if (r.verdict == Verdict::error)
        return;
    r.verdict = r.mismatched > 0  ? Verdict::mismatch
                : r.compared == 0 ? Verdict::nodata
                                  : Verdict::ok;
    if (r.verdict != Verdict::mismatch)
        return;
    if (pattern.hundred || pattern.hundredth)
        r.factor = pattern.hundred ? 100.0 : 0.01;
    std::size_t run = 0;
    int sign = 0;
    for (auto it = pattern.outcome.rbegin(); it != pattern.outcome.rend(); ++it) {
        if (*it == 0)
            continue;
        if (std::abs(*it) != 2 || (sign != 0 && *it != sign))
            break;
        sign = *it;
        ++run;
    }
    if (run >= 4 && 4 * run >= r.compared) {
        r.drift_run = run;
        r.drift_sign = sign > 0 ? 1 : -1;
    }
}

// The noise a term may carry, relative to the largest term: a few ulps of the arithmetic, and
// half a unit in the 15th significant digit, the precision spreadsheet files keep (LibreOffice
// writes office:value with 15 significant digits; Excel keeps 15), so a rate that was an exact
// ratio comes back from a saved file off by up to 5e-15.
constexpr double noise_floor = 4 * std::numeric_limits<double>::epsilon() + 5e-15;

CheckResult check_node(const Tree& tree, std::size_t i, const CheckOptions& options,
                       const std::vector<double>& half) {
    if (auto early = precheck(tree, i))
        return *early;
    CheckResult r;
    r.expected.assign(tree.periods(), std::nullopt);
    r.residual.assign(tree.periods(), std::nullopt);
    const auto children = tree.arithmetic_children(i);
    const double floor = noise_floor * static_cast<double>(children.size() + 1);
    double worst = -1;
    Pattern pattern;
    pattern.outcome.assign(tree.periods(), 0);
    for (std::size_t p = 0; p < tree.periods(); ++p) {
        const auto values = tree.period_values(p);
        const Combined combined =
            combine_children(tree, i, [&](std::size_t c) { return values[c]; });
        r.expected[p] = combined.value;
        const bool fatal = combined.fault == CombineFault::division_by_zero ||
                           combined.fault == CombineFault::overflow;
        if (fatal && r.verdict != Verdict::error) {
            r.verdict = Verdict::error;
            r.reason = fault_text(tree, i, combined, tree.period_labels[p]);
        }
        const auto own = values[i];
        if (!r.expected[p] || !own)
            continue;
        const double expected = *r.expected[p], actual = *own;
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
        const double scale = rounding_scale(tree, i, values, expected, actual);
        const std::optional<double> bound =
            options.rounding ? rounding_bound(tree, half, i, p) : std::nullopt;
        const double allowed =
            (bound ? *bound : options.tolerance * std::fabs(expected)) + floor * scale;
        const bool off = !(std::fabs(residual) <= allowed); // a NaN bound never passes
        note_period(pattern, p, actual, expected, off);
        if (!off)
            continue;
        ++r.mismatched;
        const double badness = std::fabs(residual) / (scale > 0 ? scale : 1.0);
        if (badness > worst) {
            worst = badness;
            r.worst_period = p;
            r.worst_bound = bound;
        }
    }
    finish(r, pattern);
    return r;
}

} // namespace

std::vector<CheckResult> check_tree(const Tree& tree, const CheckOptions& options) {
    std::vector<CheckResult> results;
    results.reserve(tree.nodes.size());
    const std::vector<double> half = options.rounding ? half_units(tree) : std::vector<double>();
    for (std::size_t i = 0; i < tree.nodes.size(); ++i)
        results.push_back(check_node(tree, i, options, half));
    return results;
}

CheckResult check_one(const Tree& tree, std::size_t node, const CheckOptions& options) {
    const std::vector<double> half = options.rounding ? half_units(tree) : std::vector<double>();
    return check_node(tree, node, options, half);
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
        if (r.worst_bound)
            text += ", beyond the rounding bound \u00B1" + format_short(*r.worst_bound, 3);
        if (r.factor)
            text += *r.factor > 1 ? "; it is about 100 times what its children give in every "
                                    "period: a percentage stored as 0\u2013100?"
                                  : "; it is about 1/100 of what its children give in every "
                                    "period: a child's percentage stored as 0\u2013100?";
        if (r.drift_run > 0)
            text += "; the last " + std::to_string(r.drift_run) + " of " +
                    std::to_string(r.compared) + " periods are off in the same direction (" +
                    (r.drift_sign > 0 ? "+" : "\u2212") + ")";
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
