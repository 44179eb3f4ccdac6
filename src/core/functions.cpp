#include "kpitree/functions.hpp"

#include "kpitree/lint.hpp"
#include "kpitree/tree.hpp"

#include <cmath>
#include <functional>

namespace kpitree {

namespace {

// Shapes a per-node result into a grid aligned with the table (or the one row of `node`).
// `header` fills the header row, `row` a node's row, `broken` a row when the whole table is
// unusable. All write into a row of `width` cells.
using RowWriter = std::function<void(std::size_t node, Cell* cells)>;

Cell text(std::string s) { return Cell(std::move(s)); }

Grid node_not_found(const Tree& tree, const std::string& name) {
    Grid out(1, 1);
    const auto it = tree.by_key.find(name_key(name));
    if (!tree.table_errors.empty())
        out.at(0, 0) = text("ERROR " + tree.table_errors.front());
    else if (it == tree.by_key.end())
        out.at(0, 0) = text("ERROR no KPI named '" + trim_name(name) + "' in the table");
    else
        out.at(0, 0) = text("ERROR '" + trim_name(name) +
                            "' is ambiguous: the name appears more than once");
    return out;
}

Grid aligned(const Tree& tree, std::size_t table_rows, std::size_t width,
             const std::function<void(Cell*)>& header, const RowWriter& row,
             const NodeName& node) {
    if (node) {
        const auto i = tree.find(*node);
        if (!i)
            return node_not_found(tree, *node);
        Grid out(1, width);
        row(*i, &out.at(0, 0));
        return out;
    }
    Grid out(table_rows, width);
    if (!tree.table_errors.empty()) {
        if (table_rows > 0 && width > 0)
            out.at(0, 0) = text("ERROR " + tree.table_errors.front());
        return out;
    }
    if (tree.has_header && table_rows > 0)
        header(&out.at(0, 0));
    for (std::size_t r = 0; r < table_rows; ++r)
        if (tree.node_of_row[r])
            row(*tree.node_of_row[r], &out.at(r, 0));
    return out;
}

// EXPECTED and RESIDUAL: a period block, numbers where defined; the row's ERROR status in the
// first cell where the row cannot be checked.
Grid period_block(const Grid& table, const NodeName& node,
                  Series CheckResult::*series) {
    const Tree tree = read_tree(table);
    const auto results = check_tree(tree);
    const std::size_t width = std::max<std::size_t>(tree.periods(), 1);
    return aligned(
        tree, table.rows(), width,
        [&](Cell* cells) {
            for (std::size_t p = 0; p < tree.periods(); ++p)
                cells[p] = text(tree.period_labels[p]);
        },
        [&](std::size_t i, Cell* cells) {
            const CheckResult& r = results[i];
            if (r.verdict == Verdict::error) {
                cells[0] = text(status_text(tree, r));
                return;
            }
            const Series& values = r.*series;
            for (std::size_t p = 0; p < tree.periods(); ++p)
                if (values[p])
                    cells[p] = *values[p];
        },
        node);
}

} // namespace

Grid check_cells(const Grid& table, std::optional<double> tolerance, const NodeName& node) {
    CheckOptions options;
    if (tolerance) {
        if (!std::isfinite(*tolerance) || *tolerance < 0)
            throw ArgumentError("tolerance must be a number >= 0");
        options.tolerance = *tolerance;
    }
    const Tree tree = read_tree(table);
    const auto results = check_tree(tree, options);
    return aligned(
        tree, table.rows(), 1, [](Cell* cells) { cells[0] = text("Check"); },
        [&](std::size_t i, Cell* cells) { cells[0] = text(status_text(tree, results[i])); },
        node);
}

Grid expected_cells(const Grid& table, const NodeName& node) {
    return period_block(table, node, &CheckResult::expected);
}

Grid residual_cells(const Grid& table, const NodeName& node) {
    return period_block(table, node, &CheckResult::residual);
}

Grid lint_cells(const Grid& table) {
    const Tree tree = read_tree(table);
    const auto findings = lint(tree);
    if (findings.empty())
        return Grid::from_rows({{text("OK")}});
    Grid out(findings.size(), 1);
    for (std::size_t i = 0; i < findings.size(); ++i)
        out.at(i, 0) = text(finding_text(tree, findings[i]));
    return out;
}

} // namespace kpitree
