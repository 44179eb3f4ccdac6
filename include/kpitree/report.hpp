// The audit the command line prints: finding a tree table on a sheet, and a text report of the
// tree with each KPI's verdicts (check, causal support, contribution), the lint findings and a
// summary that decides the exit status.
#pragma once

#include "kpitree/model/table.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kpitree {

// A rectangle of cells, 0-based, within a sheet's grid.
struct CellRect {
    std::size_t row = 0, column = 0, rows = 0, columns = 0;
};

// The tree table on a sheet (`sheet` holds the sheet from A1 to the end of its used area):
// the first header row reading Name | Parent | Link (case-insensitive), extended right over
// non-empty header cells and down to the first blank row; failing that, the contiguous block
// at the top-left of the used area if it reads as a tree. nullopt when there is none.
std::optional<CellRect> find_tree_table(const Grid& sheet);

// The cells of `rect` (clipped to the grid).
Grid sub_grid(const Grid& grid, const CellRect& rect);

// "A1:F40" for a rectangle (columns A..ZZZ).
std::string range_name(const CellRect& rect);

struct AuditReport {
    std::string text;           // the tree, findings and summary, ready to print
    std::size_t mismatches = 0; // KPIs whose identity fails
    std::size_t errors = 0;     // KPIs or findings with ERROR
    bool failed() const { return mismatches > 0 || errors > 0; }
};

// Audits one tree table. `title` names it in the report ("Sheet1.A1:O8").
AuditReport audit(const Grid& table, std::string_view title);

} // namespace kpitree
