// What the tree diagram shows, computed once from the tree and its overview for both
// renderers (the sidebar's painted view and the shapes on the "KPI tree diagram" sheet): per
// KPI its name, latest value, change against the previous period, the operator on its link,
// the tones of its box and link, and its periods for a sparkline; plus the forest the layout
// engine (diagram/layout.hpp) places. The renderers format the numbers (in the cells' own
// number format and the office's locale), measure the texts and draw; they compute nothing.
#pragma once

#include "kpitree/diagram/layout.hpp"
#include "kpitree/diagram/style.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/overview.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree::diagram {

struct DiagramNode {
    std::string name;
    std::string_view link; // kpitree::link_symbol: "+", "−", "×", "÷", "~", "" for a KGI
    Tone box = Tone::plain;
    Tone connector = Tone::plain; // the link to the parent; dashed when `link` is "~"
    std::optional<double> latest;
    // (latest − previous) / |previous|, the previous being the period before the latest's
    // with a value; nullopt when there is none or it is 0.
    std::optional<double> change;
    std::vector<std::optional<double>> trend; // every period, oldest first, for a sparkline
    std::size_t row = 0; // the table row (0-based, the header counts); a column if transposed
};

struct Diagram {
    std::vector<DiagramNode> nodes;                 // Tree::nodes order
    std::vector<std::vector<std::size_t>> children; // forest children, table order
    std::vector<std::size_t> tops;                  // KGIs first, then unreached rows' tops
    std::string latest_period;                      // the label of the last period, "" if none
};

// The diagram of a tree and its overview (overview(tree)). Linear in the table.
Diagram diagram_of(const Tree& tree, const TreeOverview& overview);

// The forest to lay out, each box sized by `sizes` (one per node, the renderer's measure).
Forest forest_of(const Diagram& diagram, std::vector<Size> sizes);

// The relative change between the last value of `values` and the one before it, as in
// DiagramNode::change.
std::optional<double> latest_change(const Series& values);

} // namespace kpitree::diagram
