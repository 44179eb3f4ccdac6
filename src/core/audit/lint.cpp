#include "kpitree/audit/lint.hpp"

#include "kpitree/model/status.hpp"

#include <algorithm>

namespace kpitree {

namespace {

std::size_t overlap(const Series& a, const Series& b) {
    std::size_t n = 0;
    for (std::size_t p = 0; p < a.size() && p < b.size(); ++p)
        n += a[p] && b[p];
    return n;
}

} // namespace

std::vector<Finding> lint(const Tree& tree, const LintOptions& options) {
    std::vector<Finding> out;
    for (const std::string& e : tree.table_errors)
        out.push_back({Severity::error, std::nullopt, e});
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const Node& n = tree.nodes[i];
        for (const std::string& e : n.errors)
            out.push_back({Severity::error, i, e});
        if (!n.detached.empty() && n.ok())
            out.push_back({Severity::warning, i, n.detached});
        if (n.is_root() && n.link != Link::none)
            out.push_back({Severity::warning, i,
                           "has the link '" + std::string(link_symbol(n.link)) +
                               "' but no parent; a KGI needs no link and it is ignored"});
        const std::size_t measured = static_cast<std::size_t>(
            std::count_if(n.values.begin(), n.values.end(), [](auto& v) { return v.has_value(); }));
        if (measured == 0 && n.ok())
            out.push_back({Severity::warning, i,
                           "unmeasured: no value in any period; every KPI must be quantifiable"});
        else if (measured < n.values.size() && n.ok())
            out.push_back({Severity::info, i,
                           "no value in " + std::to_string(n.values.size() - measured) + " of " +
                               std::to_string(n.values.size()) + " periods"});
        if (n.root && n.depth > options.max_depth)
            out.push_back({Severity::warning, i,
                           std::to_string(n.depth) + " links below its KGI '" +
                               tree.nodes[*n.root].name + "'; keep the tree shallow (at most " +
                               std::to_string(options.max_depth) + ")"});
        if (n.link == Link::hypothesis && n.parent && n.ok()) {
            const std::size_t both = overlap(n.values, tree.nodes[*n.parent].values);
            if (both < options.min_hypothesis_periods)
                out.push_back({Severity::warning, i,
                               "hypothesis link to '" + tree.nodes[*n.parent].name + "' has " +
                                   std::to_string(both) +
                                   " periods with both values; testing it needs at least " +
                                   std::to_string(options.min_hypothesis_periods)});
        }
        if (n.ok() && !tree.has_mixed_children(i)) {
            const auto arithmetic = tree.arithmetic_children(i);
            if (arithmetic.size() == 1 && tree.nodes[arithmetic.front()].link != Link::divide)
                out.push_back({Severity::info, i,
                               "has a single arithmetic child '" +
                                   tree.nodes[arithmetic.front()].name +
                                   "': the identity makes them copies of each other"});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
    return out;
}

std::string finding_text(const Tree& tree, const Finding& f) {
    std::string text = status_message(f.severity == Severity::error     ? Status::error
                                      : f.severity == Severity::warning ? Status::warn
                                                                        : Status::info) +
                       " ";
    if (f.node) {
        const Node& n = tree.nodes[*f.node];
        text +=
            (n.name.empty() ? std::string("(no name)") : n.name) + " (" + tree.place(n.row) + "): ";
    }
    return text + f.message;
}

} // namespace kpitree
