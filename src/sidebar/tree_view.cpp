#include "tree_view.hpp"

#include "kpitree/audit/causal.hpp"
#include "kpitree/audit/check.hpp"
#include "kpitree/audit/lint.hpp"
#include "kpitree/model/tree.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kpitree::sidebar {

namespace {

std::optional<Mark> identity_mark(Verdict verdict) {
    switch (verdict) {
    case Verdict::ok:
        return Mark::holds;
    case Verdict::mismatch:
        return Mark::mismatch;
    case Verdict::error:
        return Mark::error;
    case Verdict::leaf:
    case Verdict::nodata:
        break;
    }
    return std::nullopt;
}

std::optional<Mark> hypothesis_mark(const CausalResult& result) {
    if (result.kind == CausalKind::error)
        return Mark::error;
    if (result.kind != CausalKind::hypothesis)
        return std::nullopt;
    switch (result.verdict) {
    case CausalVerdict::supported:
        return Mark::supported;
    case CausalVerdict::unsupported:
        return Mark::unsupported;
    case CausalVerdict::insufficient:
        return Mark::untestable;
    case CausalVerdict::none:
        break;
    }
    return std::nullopt;
}

std::optional<double> latest_value(const Series& values) {
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        if (*it)
            return *it;
    return std::nullopt;
}

} // namespace

std::string display_number(double value) {
    if (!std::isfinite(value))
        return format_number(value);
    const double magnitude = std::fabs(value);
    const int integer_digits = magnitude < 1 ? 0 : static_cast<int>(std::log10(magnitude)) + 1;
    const int decimals = std::clamp(6 - integer_digits, 0, 6);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text(buffer);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    // Group the integer digits in threes: "1,447,901", "-12,345.5".
    const std::size_t first_digit = text.front() == '-' ? 1 : 0;
    for (std::size_t at = std::min(text.find('.'), text.size()); at > first_digit + 3; at -= 3)
        text.insert(at - 3, 1, ',');
    return text;
}

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

TreeView build_view(const Grid& grid) {
    TreeView view;
    const Tree tree = read_tree(grid);
    if (!tree.table_errors.empty() || tree.nodes.empty() || tree.roots.empty())
        return view;
    view.is_tree = true;
    view.periods = tree.periods();
    view.transposed = tree.transposed;

    const std::vector<CheckResult> checks = check_tree(tree);
    const std::vector<CausalResult> causal = assess_causal(tree);
    view.nodes.resize(tree.nodes.size());
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const Node& n = tree.nodes[i];
        ViewNode& v = view.nodes[i];
        v.name = n.name;
        v.row = n.row;
        v.latest = latest_value(n.values);
        if (!n.ok()) {
            v.marks.push_back(Mark::error);
            continue;
        }
        if (auto m = identity_mark(checks[i].verdict))
            v.marks.push_back(*m);
        if (auto m = hypothesis_mark(causal[i]);
            m && std::find(v.marks.begin(), v.marks.end(), *m) == v.marks.end())
            v.marks.push_back(*m);
    }

    // A forest over Node::children in which every node appears once: depth-first from each KGI,
    // then from each row not reached (a cycle or a broken parent chain) as its own top.
    std::vector<bool> placed(tree.nodes.size(), false);
    auto place_from = [&](std::size_t top) {
        view.tops.push_back(top);
        placed[top] = true;
        std::vector<std::size_t> stack{top};
        while (!stack.empty()) {
            const std::size_t at = stack.back();
            stack.pop_back();
            for (std::size_t child : tree.nodes[at].children) {
                if (placed[child])
                    continue;
                placed[child] = true;
                view.nodes[at].children.push_back(child);
                stack.push_back(child);
            }
        }
    };
    for (std::size_t root : tree.roots)
        if (!placed[root])
            place_from(root);
    for (std::size_t i = 0; i < tree.nodes.size(); ++i)
        if (!placed[i])
            place_from(i);

    for (const Finding& f : lint(tree))
        view.findings.push_back(finding_text(tree, f));
    return view;
}

std::string node_label(const ViewNode& node) {
    std::string label;
    for (Mark m : node.marks) {
        label += mark_symbol(m);
        label += ' ';
    }
    label += node.name;
    label += " — ";
    label += node.latest ? display_number(*node.latest) : std::string("–");
    return label;
}

} // namespace kpitree::sidebar
