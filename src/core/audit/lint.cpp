#include "kpitree/audit/lint.hpp"

#include "kpitree/model/status.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace kpitree {

namespace {

void add(std::vector<Finding>& out, Severity severity, std::optional<std::size_t> node,
         Problem problem) {
    std::string message = problem_text(problem);
    out.push_back({severity, node, std::move(message), std::move(problem)});
}

// Per node, the periods it has a value in, and for a usable row on a ~ link those in which
// its parent has one as well; counted period by period (the order the tree keeps its values in).
struct Measured {
    std::vector<std::size_t> periods, with_parent;
};

Measured measured_periods(const Tree& tree) {
    Measured m{std::vector<std::size_t>(tree.nodes.size(), 0),
               std::vector<std::size_t>(tree.nodes.size(), 0)};
    std::vector<std::pair<std::size_t, std::size_t>> hypotheses; // (node, parent)
    for (std::size_t i = 0; i < tree.nodes.size(); ++i)
        if (const Node& n = tree.nodes[i]; n.link == Link::hypothesis && n.parent && n.ok())
            hypotheses.emplace_back(i, *n.parent);
    for (std::size_t p = 0; p < tree.periods(); ++p) {
        const auto values = tree.period_values(p);
        for (std::size_t i = 0; i < values.size(); ++i)
            m.periods[i] += values[i].has_value();
        for (const auto& [i, parent] : hypotheses)
            m.with_parent[i] += values[i] && values[parent];
    }
    return m;
}

// The findings about the values of row `i` (in `measured` periods) and its place under its KGI.
void lint_measures(const Tree& tree, std::size_t i, std::size_t measured,
                   const LintOptions& options, std::vector<Finding>& out) {
    const Node& n = tree.nodes[i];
    const std::size_t periods = tree.periods();
    if (measured == 0 && n.ok())
        add(out, Severity::warning, i, {ProblemId::unmeasured, {}});
    else if (measured < periods && n.ok())
        add(out, Severity::info, i,
            {ProblemId::partly_measured,
             {std::to_string(periods - measured), std::to_string(periods)}});
    if (n.root && n.depth > options.max_depth)
        add(out, Severity::warning, i,
            {ProblemId::too_deep,
             {std::to_string(n.depth), tree.nodes[*n.root].name,
              std::to_string(options.max_depth)}});
}

// The findings about row `i`'s hypothesis link (with values in `both` periods along with its
// parent) and its arithmetic children.
void lint_links(const Tree& tree, std::size_t i, std::size_t both, const LintOptions& options,
                std::vector<Finding>& out) {
    const Node& n = tree.nodes[i];
    if (n.link == Link::hypothesis && n.parent && n.ok()) {
        if (both < options.min_hypothesis_periods)
            add(out, Severity::warning, i,
                {ProblemId::hypothesis_short,
                 {tree.nodes[*n.parent].name, std::to_string(both),
                  std::to_string(options.min_hypothesis_periods)}});
    }
    if (n.ok() && !tree.has_mixed_children(i)) {
        const auto arithmetic = tree.arithmetic_children(i);
        if (arithmetic.size() == 1 && tree.nodes[arithmetic.front()].link != Link::divide)
            add(out, Severity::info, i,
                {ProblemId::single_child, {tree.nodes[arithmetic.front()].name}});
    }
}

} // namespace

std::vector<Finding> lint(const Tree& tree, const LintOptions& options) {
    std::vector<Finding> out;
    for (const std::string& e : tree.table_errors)
        add(out, Severity::error, std::nullopt, {ProblemId::table, {e}});
    const Measured measured = measured_periods(tree);
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const Node& n = tree.nodes[i];
        for (const Problem& p : n.problems)
            add(out, Severity::error, i, p);
        for (const Problem& p : n.detached_problem)
            if (n.ok())
                add(out, Severity::warning, i, p);
        if (n.is_root() && n.link != Link::none)
            add(out, Severity::warning, i,
                {ProblemId::root_with_link, {std::string(link_symbol(n.link))}});
        lint_measures(tree, i, measured.periods[i], options, out);
        lint_links(tree, i, measured.with_parent[i], options, out);
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
