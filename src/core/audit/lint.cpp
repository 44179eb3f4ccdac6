#include "kpitree/audit/lint.hpp"

#include "kpitree/model/status.hpp"

#include <algorithm>

namespace kpitree {

namespace {

// The periods in which both nodes have a value.
std::size_t overlap(const Tree& tree, std::size_t a, std::size_t b) {
    std::size_t n = 0;
    for (std::size_t p = 0; p < tree.periods(); ++p)
        n += tree.value(a, p) && tree.value(b, p);
    return n;
}

void add(std::vector<Finding>& out, Severity severity, std::optional<std::size_t> node,
         Problem problem) {
    std::string message = problem_text(problem);
    out.push_back({severity, node, std::move(message), std::move(problem)});
}

// The findings about the values of row `i` and its place under its KGI.
void lint_measures(const Tree& tree, std::size_t i, const LintOptions& options,
                   std::vector<Finding>& out) {
    const Node& n = tree.nodes[i];
    const std::size_t periods = tree.periods();
    std::size_t measured = 0;
    for (std::size_t p = 0; p < periods; ++p)
        measured += tree.value(i, p).has_value();
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

// The findings about row `i`'s hypothesis link and its arithmetic children.
void lint_links(const Tree& tree, std::size_t i, const LintOptions& options,
                std::vector<Finding>& out) {
    const Node& n = tree.nodes[i];
    if (n.link == Link::hypothesis && n.parent && n.ok()) {
        const std::size_t both = overlap(tree, i, *n.parent);
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
        lint_measures(tree, i, options, out);
        lint_links(tree, i, options, out);
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
