#include "kpitree/audit/lint.hpp"

#include "kpitree/model/status.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>
#include <vector>

namespace kpitree {

namespace {

// The findings so far, one list per severity: lint's result is errors first, then warnings,
// then infos, each in the order found, without sorting them.
class Findings {
public:
    void add(Severity severity, std::optional<std::size_t> node, Problem problem) {
        std::string message = problem_text(problem);
        lists_[static_cast<std::size_t>(severity)].push_back(
            {severity, node, std::move(message), std::move(problem)});
    }
    std::vector<Finding> in_order() && {
        std::vector<Finding> out = std::move(lists_[0]);
        for (std::size_t s = 1; s < lists_.size(); ++s)
            std::move(lists_[s].begin(), lists_[s].end(), std::back_inserter(out));
        return out;
    }

private:
    std::array<std::vector<Finding>, 3> lists_; // by Severity: error, warning, info
};

// The findings about the values of row `i` and its place under its KGI.
void lint_measures(const Tree& tree, std::size_t i, const LintOptions& options, Findings& out) {
    const Node& n = tree.nodes[i];
    const std::size_t periods = tree.periods(), measured = tree.measured_periods(i);
    if (measured == 0 && n.ok())
        out.add(Severity::warning, i, {ProblemId::unmeasured, {}});
    else if (measured < periods && n.ok())
        out.add(Severity::info, i,
                {ProblemId::partly_measured,
                 {std::to_string(periods - measured), std::to_string(periods)}});
    if (n.root && n.depth > options.max_depth)
        out.add(Severity::warning, i,
                {ProblemId::too_deep,
                 {std::to_string(n.depth), tree.nodes[*n.root].name,
                  std::to_string(options.max_depth)}});
}

// The findings about row `i`'s hypothesis link and its arithmetic children.
void lint_links(const Tree& tree, std::size_t i, const LintOptions& options, Findings& out) {
    const Node& n = tree.nodes[i];
    if (n.link == Link::hypothesis && n.parent && n.ok()) {
        const std::size_t both = tree.measured_together(i, *n.parent);
        if (both < options.min_hypothesis_periods)
            out.add(Severity::warning, i,
                    {ProblemId::hypothesis_short,
                     {tree.nodes[*n.parent].name, std::to_string(both),
                      std::to_string(options.min_hypothesis_periods)}});
    }
    if (n.ok() && !tree.has_mixed_children(i)) {
        const auto arithmetic = tree.arithmetic_children(i);
        if (arithmetic.size() == 1 && tree.nodes[arithmetic.front()].link != Link::divide)
            out.add(Severity::info, i,
                    {ProblemId::single_child, {tree.nodes[arithmetic.front()].name}});
    }
}

} // namespace

std::vector<Finding> lint(const Tree& tree, const LintOptions& options) {
    Findings out;
    for (const std::string& e : tree.table_errors)
        out.add(Severity::error, std::nullopt, {ProblemId::table, {e}});
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        // The flags in the node's first cache line say which of the others hold anything: a
        // row without problems is linted from that line alone (CONTRIBUTING, rule 7).
        const Node& n = tree.nodes[i];
        if (!n.ok())
            for (const Problem& p : n.problems)
                out.add(Severity::error, i, p);
        else if (!n.root)
            for (const Problem& p : n.detached_problem)
                out.add(Severity::warning, i, p);
        if (!n.parent && n.link != Link::none && n.is_root())
            out.add(Severity::warning, i,
                    {ProblemId::root_with_link, {std::string(link_symbol(n.link))}});
        lint_measures(tree, i, options, out);
        lint_links(tree, i, options, out);
    }
    return std::move(out).in_order();
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
