// What the planning functions share: the status texts and the helpers of planning_detail.hpp.
// The methods are described in contrib.cpp, target.cpp, rollup.cpp and elasticity.cpp.
#include "kpitree/plan/planning.hpp"

#include "kpitree/audit/check.hpp"
#include "plan/planning_detail.hpp"

#include <algorithm>

namespace kpitree {

std::optional<std::size_t> last_period_with_data(const Tree& tree, std::size_t node) {
    for (std::size_t p = tree.periods(); p > 0; --p)
        if (tree.value(node, p - 1))
            return p - 1;
    return std::nullopt;
}

namespace detail {

std::vector<std::optional<double>> values_in(const Tree& tree, std::size_t period) {
    const auto own = tree.period_values(period);
    std::vector<std::optional<double>> v(own.begin(), own.end());
    v.resize(tree.nodes.size());
    for (auto it = tree.top_down.rbegin(); it != tree.top_down.rend(); ++it)
        if (!v[*it] && tree.nodes[*it].ok())
            v[*it] = combine(tree, *it, [&](std::size_t c) { return v[c]; });
    return v;
}

const std::vector<std::optional<double>>& PeriodValues::in(std::size_t period) {
    if (!cache_[period])
        cache_[period] = values_in(tree_, period);
    return *cache_[period];
}

std::optional<std::size_t> PeriodValues::last_period_with_value(std::size_t node) {
    if (const auto own = last_period_with_data(tree_, node))
        return own;
    for (std::size_t p = tree_.periods(); p > 0; --p)
        if (in(p - 1)[node])
            return p - 1;
    return std::nullopt;
}

void NodeTexts::set(std::size_t n, std::string text) {
    if (text.empty()) {
        text_of_[n] = 0;
        return;
    }
    texts_.push_back(std::move(text));
    text_of_[n] = static_cast<std::uint32_t>(texts_.size() - 1);
}

namespace {

// Node n's problem when its parent `p` has one (`out[p]` not empty): a ~ link above p, p's own
// error, or the same problem as p's.
void inherit_problem(const Tree& tree, std::size_t n, std::size_t p,
                     const std::vector<std::size_t>& hypothesis_at, NodeTexts& out) {
    if (hypothesis_at[p] != tree.nodes.size())
        out.set(n, status_message(Status::hypothesis,
                                  "below the ~ link of " + q(tree, hypothesis_at[p])));
    else if (!tree.nodes[p].ok())
        out.set(n, status_message(Status::error, q(tree, p) + " above is unusable: " +
                                                     tree.nodes[p].errors.front()));
    else
        out.share(n, p);
}

} // namespace

NodeTexts path_problems(const Tree& tree, bool hypothesis_is_problem,
                        std::string_view hypothesis_note) {
    const std::size_t none = tree.nodes.size();
    NodeTexts out(tree.nodes.size());
    if (!tree.table_errors.empty()) {
        out.set(0, status_message(Status::error, tree.table_errors.front()));
        for (std::size_t n = 1; n < tree.nodes.size(); ++n)
            out.share(n, 0);
        return out;
    }
    // A row's own problem: its error, or no KGI above it.
    const auto own_problem = [&](std::size_t n) {
        if (!tree.nodes[n].ok())
            out.set(n, status_message(Status::error, tree.nodes[n].errors.front()));
        else if (!tree.nodes[n].root)
            out.set(n, status_message(Status::error, q(tree, n) + " is not connected to a KGI"));
    };
    // One pass over the rows under a KGI (each after its parent, so the parent's problem is
    // known), then the others: each row is visited once (a 100,000-row tree is far from cache).
    std::vector<bool> visited(tree.nodes.size(), false);
    std::vector<std::size_t> hypothesis_at(tree.nodes.size(), none); // the ~ row above, if any
    for (std::size_t n : tree.top_down) {
        visited[n] = true;
        own_problem(n);
        const Node& node = tree.nodes[n];
        if (!out[n].empty() || !node.parent)
            ; // its own problem, or a KGI
        else if (node.link == Link::hypothesis && hypothesis_is_problem) {
            out.set(n, status_message(Status::hypothesis, "~ link to " + q(tree, *node.parent) +
                                                              ", outside the arithmetic" +
                                                              std::string(hypothesis_note)));
            hypothesis_at[n] = n;
        } else if (node.link != Link::hypothesis && !out[*node.parent].empty()) {
            inherit_problem(tree, n, *node.parent, hypothesis_at, out);
            hypothesis_at[n] = hypothesis_at[*node.parent];
        }
        if (out[n].empty() && node.unusable_child)
            out.set(n, status_message(Status::error,
                                      q(tree, n) + " cannot be computed: its child " +
                                          q(tree, *node.unusable_child) + " is unusable (" +
                                          tree.nodes[*node.unusable_child].errors.front() + ")"));
    }
    for (std::size_t n = 0; n < tree.nodes.size(); ++n)
        if (!visited[n])
            own_problem(n);
    return out;
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
