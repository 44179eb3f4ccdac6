// What the "KPI tree diagram" sheet shows, computed without UNO: the size of each KPI's box for
// the texts it carries (the layout engine places them), and the steps of the waterfall chart
// of the KGI's change between two periods (from the core's contributions, no new arithmetic).
// diagram_sheet.cpp and waterfall_chart.cpp draw them as shapes and as a Calc chart.
#pragma once

#include "kpitree/diagram/layout.hpp"
#include "kpitree/model/tree.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kpitree::sidebar {

// Drawing units are 1/100 mm, as the office's drawing layer takes them.
inline constexpr double box_char_height_pt = 9;

// The size of a box showing `lines` (one paragraph each) at box_char_height_pt, estimated from
// the texts' display width (wide CJK characters count twice): wide enough for the longest
// line, never narrower than a minimum so short names still read as boxes.
diagram::Size box_size(const std::vector<std::string>& lines);

// The spacing between boxes on the sheet, in 1/100 mm.
diagram::Spacing sheet_spacing();

// The orientation that keeps the drawing within reach: top-down unless that is wider than
// `max_width` and growing left to right is narrower.
diagram::Orientation sheet_orientation(const diagram::Forest& forest, double max_width);

// One column of the waterfall: the invisible base it stands on and its visible part, either a
// total (the KGI's value at the start and the end) or an increase or a decrease.
struct WaterfallStep {
    std::string label;
    std::optional<std::size_t> node; // the KPI; nullopt for the totals
    double base = 0;
    double increase = 0;
    double decrease = 0;
    double total = 0;
    double contribution = 0; // signed; the value itself for the totals
};

struct Waterfall {
    std::size_t kgi = 0;
    std::size_t from = 0; // 0-based periods
    std::size_t to = 0;
    // The start total (labelled with the period), one step per KPI shown, the end total. The
    // KPIs shown are the leaves of the KGI's arithmetic, depth first in table order; where a
    // parent's change cannot be split among its children (a MISMATCH parent, a child without
    // data), the parent is shown whole, so the steps always add up to the KGI's change.
    std::vector<WaterfallStep> steps;
    std::vector<std::size_t> shown; // the KPIs of steps 1..n
};

// The waterfall of the first KGI (table order) whose change from `from` to `to` is known,
// split by kpitree::contributions. nullopt when no KGI has values in both periods.
std::optional<Waterfall> waterfall_of(const Tree& tree, std::size_t from, std::size_t to);

} // namespace kpitree::sidebar
