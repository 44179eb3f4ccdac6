// The spreadsheet functions, cell grid in and cell grid out, exactly as the cells show them.
// Adapters (the Calc add-in, the command line, the sidebar) convert their cells to a Grid,
// call one of these and convert the Grid back; they hold no logic of their own.
//
// Row-aligned results have one row per table row: the header row gets a header label, blank
// rows stay empty. With `node` set, the result is the one row of that KPI (or one cell saying
// why there is none).
#pragma once

#include "kpitree/check.hpp"
#include "kpitree/table.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace kpitree {

// An argument the function cannot use (negative tolerance, unknown method, ...). The add-in
// shows it as Err:502 (invalid argument); the message is for the command line and tests.
struct ArgumentError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

using NodeName = std::optional<std::string>;

// KPI.CHECK: one status per row (see status_text in check.hpp).
Grid check_cells(const Grid& table, std::optional<double> tolerance, const NodeName& node = {});
// KPI.EXPECTED: f(children) per row × period, empty where undefined.
Grid expected_cells(const Grid& table, const NodeName& node = {});
// KPI.RESIDUAL: actual − expected per row × period, empty where undefined.
Grid residual_cells(const Grid& table, const NodeName& node = {});
// KPI.LINT: one finding per row of the result (not aligned), or one row "OK".
Grid lint_cells(const Grid& table);

} // namespace kpitree
