// The audit the command line prints: finding a tree table on a sheet, and a text report of the
// tree with each KPI's verdicts (check, causal support, contribution), the lint findings and a
// summary that decides the exit status.
#pragma once

#include "kpitree/audit/check.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/model/table.hpp"

#include <cstddef>
#include <functional>
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
// `is_result(row, column)` says which cells hold KPI Tree formulas (the command line reads
// them from the workbook): a column (transposed: row) of them beside a table is never part of
// it, whatever its header and values.
using ResultCells = std::function<bool(std::size_t row, std::size_t column)>;
std::vector<CellRect> find_tree_tables(const Grid& sheet, const ResultCells& is_result = {});
// The first of find_tree_tables, nullopt when there is none.
std::optional<CellRect> find_tree_table(const Grid& sheet);

// The cells of `rect` (clipped to the grid).
Grid sub_grid(const Grid& grid, const CellRect& rect);

// "A1:F40" for a rectangle (columns A..ZZZ).
std::string range_name(const CellRect& rect);

// text: the tree drawn with its verdicts, findings and a summary, for reading. json: JSON Lines,
// one object per KPI. csv: one line per KPI under csv_header(). Both machine formats carry
// every verdict and figure under the keys of record_keys(), in that order; a table that cannot
// be read, and a finding that concerns no KPI, give a record whose "kpi" is null (empty).
enum class ReportFormat { text, json, csv };

struct AuditOptions {
    CheckOptions check;       // KPI.CHECK's (the command line's --tolerance)
    PeriodArg from, to;       // the contributions' periods (--from/--to); Empty: the last two
    std::optional<Grid> plan; // KPI.VARIANCE's plan range (--plan): adds its six figures
    ReportFormat format = ReportFormat::text;
    std::string workbook; // named in every json/csv record
};

// The keys of a json/csv record, in order: workbook, table, kpi, parent, link, ...
const std::vector<std::string>& record_keys();
// The csv header line (the keys), ending with a newline.
std::string csv_header();

struct AuditReport {
    std::string text;           // the report in the options' format, ready to print
    std::size_t mismatches = 0; // KPIs whose identity fails
    std::size_t errors = 0;     // KPIs or findings with ERROR
    bool failed() const { return mismatches > 0 || errors > 0; }
};

// Audits one tree table. `title` names it in the report ("Sheet1.A1:O8"). Throws ArgumentError
// when `options` do not fit the table: a --from/--to period it does not have, a plan naming
// a KPI it does not have or of the wrong shape.
AuditReport audit(const Grid& table, std::string_view title, const AuditOptions& options);
AuditReport audit(const Grid& table, std::string_view title, const CheckOptions& options = {});

} // namespace kpitree
