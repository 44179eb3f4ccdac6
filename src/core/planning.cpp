// What the planning functions share: the status texts and the helpers of planning_detail.hpp.
// The methods are described in contrib.cpp, target.cpp, rollup.cpp and elasticity.cpp.
#include "kpitree/planning.hpp"

#include "kpitree/check.hpp"
#include "planning_detail.hpp"

#include <algorithm>

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

namespace detail {

std::optional<double> value_at(const Tree& tree, std::size_t n, std::size_t period,
                               std::size_t depth) {
    const Node& node = tree.nodes[n];
    if (period < node.values.size() && node.values[period])
        return node.values[period];
    if (!node.ok() || depth > tree.nodes.size())
        return std::nullopt;
    return combine(tree, n, [&](std::size_t c) { return value_at(tree, c, period, depth + 1); });
}

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

} // namespace detail

} // namespace kpitree
