// What the deck's diagram shows for a tree table, without UNO: the core's diagram (diagram.hpp:
// per KPI its name, latest value, change, link operator and tones), the tree it came from (for
// the cells' number formats and the what-if), the boxes in reading order (for the keyboard and
// the accessible outline), and a what-if scenario recomputed by the core's KPI.WHATIF. The
// painted view (diagram_view) formats, measures and draws; it computes nothing.
#pragma once

#include "kpitree/diagram.hpp"
#include "kpitree/model/table.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/overview.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree::sidebar {

struct DeckDiagram {
    Grid grid; // the table's cells, as read (the what-if recomputes from them)
    Tree tree;
    diagram::Diagram diagram;
    std::vector<std::size_t> order;                  // depth-first, children in table order
    std::vector<std::optional<std::size_t>> parents; // forest parent of each node
    std::vector<std::size_t> position;               // node -> index in `order`
};

// The diagram of a grid that reads as a tree (at least one KPI and one KGI, no table errors);
// nullopt otherwise. Linear in the table plus the overview's verdicts.
std::optional<DeckDiagram> deck_diagram(const Grid& grid);

// The same from the tree read from `grid` and its overview, computed once by the caller.
std::optional<DeckDiagram> deck_diagram(const Grid& grid, Tree tree, const TreeOverview& overview);

// The period of a node's latest value (the last with one); nullopt if it has none.
std::optional<std::size_t> latest_period(const diagram::DiagramNode& node);

// A stable English word per tone ("holds", "mismatch", ...): the accessible outline's and the
// tests' vocabulary.
std::string_view tone_name(diagram::Tone tone);

// "#RRGGBB".
std::string hex_colour(std::uint32_t rgb);

// Keyboard moves in the diagram: to the previous or next box in reading order, to the parent,
// to the first child, to the first or last box.
enum class Move { previous, next, parent, child, first, last };
std::size_t move(const DeckDiagram& d, std::size_t node, Move how);

// A what-if input: "+10%" / "-5%" (relative, kept as the text KPI.WHATIF reads) or nullopt
// (the caller parses a number in the cell's locale).
std::optional<std::string> relative_input(std::string_view text);

struct WhatIf {
    std::vector<std::optional<double>> value;  // per node: the value after the change
    std::vector<std::optional<double>> change; // per node: value − current value
    std::vector<std::string> status;           // per node: why there is no value, if so
    std::string error;                         // the changes were rejected (nothing else set)
};

// The scenario "`kpi` takes `input`" (a number, or a relative change as "+10%") in KPI.WHATIF's
// default period, computed by whatif_cells exactly as the sheet's formula would.
WhatIf what_if(const DeckDiagram& d, std::size_t kpi, const Cell& input);

// The KGI above `node` (the top of its tree in the forest).
std::size_t top_of(const DeckDiagram& d, std::size_t node);

} // namespace kpitree::sidebar
