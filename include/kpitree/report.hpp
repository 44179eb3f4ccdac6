// The audit the command line prints: finding a tree table on a sheet, and a text report of the
// tree with each KPI's verdicts (check, causal support, contribution), the lint findings and a
// summary that decides the exit status.
#pragma once

#include "kpitree/audit/check.hpp"
#include "kpitree/model/table.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

// A rectangle of cells, 0-based, within a sheet's grid.
struct CellRect {
    std::size_t row = 0, column = 0, rows = 0, columns = 0;
};

// The tree tables on a sheet (`sheet` holds the sheet from A1 to the end of its used area), in
// reading order: each header row reading Name | Parent | Link, and each first column reading
// Name, Parent, Link downwards (a transposed table), in any of the five languages
// (layout.hpp), taken with the contiguous region right of and below it; failing any, the
// contiguous block at the top-left of the used area if it reads as a tree (at least one link
// to a parent and most rows usable). Labels inside a table already found start no other.
std::vector<CellRect> find_tree_tables(const Grid& sheet);
// The first of find_tree_tables, nullopt when there is none.
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

// Audits one tree table. `title` names it in the report ("Sheet1.A1:O8"); `options` are
// KPI.CHECK's (the command line's --tolerance).
AuditReport audit(const Grid& table, std::string_view title, const CheckOptions& options = {});

} // namespace kpitree
