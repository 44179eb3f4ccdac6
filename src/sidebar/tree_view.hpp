// What the sidebar shows for a tree table, computed from the core without UNO: the KPIs as a
// forest (KGIs at the top), each with its latest value and status marks, and the lint findings.
// The verdicts come from check_tree, assess_causal and lint; nothing is re-derived here.
#pragma once

#include "kpitree/model/table.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree::sidebar {

enum class Mark {
    holds,       // ✔  the node equals f(children) in every period with data (KPI.CHECK OK)
    mismatch,    // ✘  it does not in some period (MISMATCH)
    supported,   // ~✔ its ~ link to the parent is supported by the data (KPI.CAUSAL SUPPORTED)
    unsupported, // ~✘ tested, not supported (UNSUPPORTED)
    untestable,  // ~? too little data to test the ~ link (INSUFFICIENT)
    error        // ⚠  the row or a child is unusable (ERROR)
};

// "✔", "✘", "~✔", "~✘", "~?", "⚠".
std::string_view mark_symbol(Mark mark);

struct ViewNode {
    std::string name;
    std::optional<double> latest; // the value of the last period that has one
    std::vector<Mark> marks;      // identity mark first, then the hypothesis mark; may be empty
    std::size_t row = 0; // row in the table (0-based, the header row counts); column if transposed
    std::vector<std::size_t> children; // indices into TreeView::nodes, table order
};

struct TreeView {
    bool is_tree = false;              // false: show the "no tree here" message instead
    std::vector<ViewNode> nodes;       // one per KPI row, table order
    std::vector<std::size_t> tops;     // KGIs in table order, then rows no KGI reaches (cycles...)
    std::vector<std::string> findings; // lint finding texts, errors first
    std::size_t periods = 0;
    bool transposed = false; // one column per KPI (layout.hpp): `row` counts columns
};

// Reads `grid` as a tree table. A grid is a tree when it has at least min_table_columns
// columns, at least one KPI row and at least one KGI (a row without parent). Every node
// appears exactly once in the forest, also with cycles.
TreeView build_view(const Grid& grid);

// The marks first, so they stay visible however narrow the sidebar cuts the line:
// "✔ Sales — 1,100,000", "~✘ Webinar attendance — 355", "Close rate — 0.25" (no mark),
// "Deals — –" when no period has a value.
std::string node_label(const ViewNode& node);

} // namespace kpitree::sidebar
