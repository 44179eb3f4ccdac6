#include "sheet_plan.hpp"

#include "kpitree/model/format.hpp"
#include "kpitree/plan/contrib.hpp"

#include <algorithm>
#include <utility>

namespace kpitree::sidebar {

namespace {

// A 9 pt sans-serif character is about 1.8 mm wide on average; a line about 4 mm high.
constexpr double char_width = 180;
constexpr double line_height = 400;
constexpr double padding = 250;
constexpr double min_width = 2800;

// The nodes whose contributions make up `kgi`'s change, depth first in table order: a node is
// split into its arithmetic children when every one of them has a contribution.
std::vector<std::size_t> shown_nodes(const Tree& tree, std::size_t kgi,
                                     const std::vector<Contribution>& contributions) {
    std::vector<std::size_t> shown;
    std::vector<std::size_t> stack{kgi};
    while (!stack.empty()) {
        const std::size_t node = stack.back();
        stack.pop_back();
        const std::span<const std::size_t> children = tree.arithmetic_children(node);
        const bool split =
            !children.empty() && std::all_of(children.begin(), children.end(), [&](std::size_t c) {
                return contributions[c].value.has_value();
            });
        if (split)
            stack.insert(stack.end(), children.rbegin(), children.rend());
        else
            shown.push_back(node); // a leaf, or a parent that cannot be split (the KGI too)
    }
    return shown;
}

WaterfallStep total_step(std::string label, double value) {
    WaterfallStep step;
    step.label = std::move(label);
    step.total = value;
    step.contribution = value;
    return step;
}

} // namespace

diagram::Size box_size(const std::vector<std::string>& lines) {
    std::size_t widest = 0;
    for (const std::string& line : lines)
        widest = std::max(widest, display_width(line));
    const double width = std::max(min_width, static_cast<double>(widest) * char_width + padding);
    return {width, static_cast<double>(lines.size()) * line_height + padding};
}

diagram::Spacing sheet_spacing() {
    return {300, 600, 1000, 1200};
}

diagram::Orientation sheet_orientation(const diagram::Forest& forest, double max_width) {
    const diagram::Layout down =
        diagram::lay_out(forest, diagram::Orientation::top_down, sheet_spacing());
    if (down.width <= max_width)
        return diagram::Orientation::top_down;
    const diagram::Layout right =
        diagram::lay_out(forest, diagram::Orientation::left_right, sheet_spacing());
    return right.width < down.width ? diagram::Orientation::left_right
                                    : diagram::Orientation::top_down;
}

std::optional<Waterfall> waterfall_of(const Tree& tree, std::size_t from, std::size_t to) {
    if (from >= tree.periods() || to >= tree.periods())
        return std::nullopt;
    const std::vector<Contribution> contributions = kpitree::contributions(tree, from, to);
    for (std::size_t kgi : tree.roots) {
        const Series values = tree.series(kgi);
        if (!contributions[kgi].value || !values[from] || !values[to])
            continue;
        Waterfall w{kgi, from, to, {}, shown_nodes(tree, kgi, contributions)};
        w.steps.push_back(total_step(tree.period_labels[from], *values[from]));
        double running = *values[from];
        for (std::size_t node : w.shown) {
            const double c = *contributions[node].value;
            WaterfallStep step;
            step.label = tree.nodes[node].name;
            step.node = node;
            step.base = std::min(running, running + c);
            step.increase = std::max(c, 0.0);
            step.decrease = std::max(-c, 0.0);
            step.contribution = c;
            w.steps.push_back(std::move(step));
            running += c;
        }
        w.steps.push_back(total_step(tree.period_labels[to], *values[to]));
        return w;
    }
    return std::nullopt;
}

} // namespace kpitree::sidebar
