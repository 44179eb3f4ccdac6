#include "tree_view.hpp"

#include "kpitree/audit/lint.hpp"
#include "kpitree/model/format.hpp"
#include "kpitree/model/status.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/overview.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kpitree::sidebar {

namespace {

std::optional<Mark> mark_of(Status status) {
    switch (status) {
    case Status::ok:
        return Mark::holds;
    case Status::mismatch:
        return Mark::mismatch;
    case Status::supported:
        return Mark::supported;
    case Status::unsupported:
        return Mark::unsupported;
    case Status::insufficient:
        return Mark::untestable;
    case Status::error:
        return Mark::error;
    default:
        return std::nullopt;
    }
}

// The latest value of a row, its period and its change against the period before.
void set_latest(const Tree& tree, std::size_t node, ViewNode& v) {
    for (std::size_t p = tree.periods(); p-- > 0;) {
        const auto value = tree.value(node, p);
        if (!value)
            continue;
        v.latest = value;
        v.latest_period = p;
        v.latest_column = tree.period_columns[p];
        if (p + 1 != tree.periods())
            v.earlier_period = tree.period_labels[p];
        const auto previous = p > 0 ? tree.value(node, p - 1) : std::nullopt;
        if (previous && *previous != 0.0) {
            const double before = *previous;
            const double change = (*value - before) / std::fabs(before);
            if (std::isfinite(change))
                v.change = change;
        }
        return;
    }
}

// "Deals (table row 3)" in `language`.
std::string place_text(const Tree& tree, const Node& node, lang::Language language) {
    const std::string name = node.name.empty()
                                 ? std::string(lang::text(lang::Msg::finding_unnamed, language))
                                 : node.name;
    return fill_pattern(
        lang::text(tree.transposed ? lang::Msg::finding_place_column : lang::Msg::finding_place_row,
                   language),
        {name, std::to_string(node.row + 1)});
}

std::string severity_token(Severity severity) {
    return status_message(severity == Severity::error     ? Status::error
                          : severity == Severity::warning ? Status::warn
                                                          : Status::info);
}

// The lint's findings, then an ERROR line for every row the tree marks ✘ or ⚠ that has no
// finding of its own (its verdict as the cells show it), after the lint's errors.
std::vector<ViewFinding> findings_of(const Tree& tree, const TreeOverview& overview,
                                     lang::Language language) {
    const std::vector<Finding> lint_findings = lint(tree);
    std::vector<bool> has_finding(tree.nodes.size(), false);
    std::vector<ViewFinding> out;
    auto add_lint = [&](const Finding& f) {
        std::string text = severity_token(f.severity) + " ";
        if (f.node)
            text += place_text(tree, tree.nodes[*f.node], language) + ": ";
        text += problem_text(f.problem, language);
        out.push_back(
            {std::move(text), f.node ? std::optional(tree.nodes[*f.node].row) : std::nullopt});
    };
    std::size_t f = 0;
    for (; f < lint_findings.size() && lint_findings[f].severity == Severity::error; ++f)
        add_lint(lint_findings[f]);
    for (const Finding& finding : lint_findings)
        if (finding.node)
            has_finding[*finding.node] = true;
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const auto& marks = overview.nodes[i].marks;
        const bool bad = std::any_of(marks.begin(), marks.end(), [](Status s) {
            return s == Status::mismatch || s == Status::error;
        });
        if (bad && !has_finding[i])
            out.push_back({severity_token(Severity::error) + " " +
                               place_text(tree, tree.nodes[i], language) + ": " +
                               overview.nodes[i].verdict,
                           tree.nodes[i].row});
    }
    for (; f < lint_findings.size(); ++f)
        add_lint(lint_findings[f]);
    return out;
}

} // namespace

std::string_view mark_symbol(Mark mark) {
    switch (mark) {
    case Mark::holds:
        return "✔";
    case Mark::mismatch:
        return "✘";
    case Mark::supported:
        return "~✔";
    case Mark::unsupported:
        return "~✘";
    case Mark::untestable:
        return "~?";
    case Mark::error:
        return "⚠";
    }
    return "";
}

lang::Msg problem_message(ProblemId id) {
    // The finding_* messages follow ProblemId's order.
    return static_cast<lang::Msg>(static_cast<std::size_t>(lang::Msg::finding_table) +
                                  static_cast<std::size_t>(id));
}

std::string problem_text(const Problem& problem, lang::Language language) {
    std::vector<std::string> args = problem.args;
    for (const Problem& cause : problem.cause)
        args.push_back(problem_text(cause, language));
    std::string text = fill_pattern(lang::text(problem_message(problem.id), language), args);
    if (problem.more > 0)
        text += fill_pattern(lang::text(lang::Msg::finding_and_more, language),
                             {std::to_string(problem.more)});
    return text;
}

bool is_shown_tree(const Tree& tree) {
    return tree.table_errors.empty() && !tree.nodes.empty() && !tree.roots.empty();
}

TreeView build_view(const Grid& grid, lang::Language language) {
    const Tree tree = read_tree(grid);
    if (!is_shown_tree(tree))
        return TreeView{};
    return build_view(tree, kpitree::overview(tree), language);
}

TreeView build_view(const Tree& tree, const TreeOverview& overview, lang::Language language) {
    TreeView view;
    if (!is_shown_tree(tree))
        return view;
    view.is_tree = true;
    view.periods = tree.periods();
    view.period_labels = tree.period_labels;
    view.transposed = tree.transposed;
    view.nodes.resize(tree.nodes.size());
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        ViewNode& v = view.nodes[i];
        v.name = tree.nodes[i].name;
        v.row = tree.nodes[i].row;
        set_latest(tree, i, v);
        v.children = overview.nodes[i].children;
        for (Status s : overview.nodes[i].marks)
            if (auto m = mark_of(s))
                v.marks.push_back(*m);
    }
    view.findings = findings_of(tree, overview, language);
    view.tops = overview.tops;
    return view;
}

std::string period_line(const TreeView& view, lang::Language language) {
    const auto& labels = view.period_labels;
    if (labels.empty())
        return {};
    if (labels.size() == 1)
        return fill_pattern(lang::text(lang::Msg::panel_period_single, language), {labels.back()});
    return fill_pattern(lang::text(lang::Msg::panel_period, language),
                        {labels.back(), labels[labels.size() - 2]});
}

std::string wrap_text(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t line = 0; // code points on the current line
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t space = text.find(' ', at);
        const std::string_view word =
            text.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
        const auto length =
            static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            }));
        if (line > 0 && line + 1 + length > width) {
            out += '\n';
            line = 0;
        } else if (line > 0 || at > 0) {
            out += ' ';
            ++line;
        }
        out += word;
        line += length;
        if (space == std::string_view::npos)
            break;
        at = space + 1;
    }
    return out;
}

std::string default_change_text(double change) {
    const double percent = change * 100.0;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%+.*f%%", std::fabs(percent) < 10.0 ? 1 : 0, percent);
    std::string text(buffer);
    if (text == "-0.0%" || text == "+0.0%")
        text = "0.0%";
    return text;
}

std::string node_label(const ViewNode& node, const NumberTexts& texts) {
    std::string label;
    for (Mark m : node.marks) {
        label += mark_symbol(m);
        label += ' ';
    }
    label += node.name;
    label += " — ";
    if (!node.latest)
        return label + "–";
    label += texts.value ? texts.value(node) : display_number(*node.latest);
    std::string note;
    if (node.change)
        note = texts.change ? texts.change(*node.change) : default_change_text(*node.change);
    if (!node.earlier_period.empty())
        note += (note.empty() ? "" : ", ") + node.earlier_period;
    return note.empty() ? label : label + " (" + note + ")";
}

} // namespace kpitree::sidebar
