// Inserting a verdict column (KPI.CHECK, KPI.CAUSAL, KPI.CONTRIB) beside the table as an array
// formula, one Undo step.
#include "convert.hpp"
#include "panel.hpp"
#include "panel_support.hpp"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;
using uno::to_oustring;

namespace {

constexpr sal_Int32 last_column = 1023; // Calc 7.4: columns A..AMJ
constexpr sal_Int32 last_row = 1048575; // Calc 7.4: rows 1..1,048,576

} // namespace

Reference<css::table::XCellRange>
Panel::free_line_beside(const css::table::CellRangeAddress& a) const {
    // One empty column between the table and the first inserted column keeps the table's
    // contiguous region as it is; later columns go to the next column free over the rows. A
    // transposed table (one column per KPI) gets rows below it the same way.
    const sal_Int32 first = transposed_ ? a.EndRow + 2 : a.EndColumn + 2;
    const sal_Int32 last = transposed_ ? last_row : last_column;
    for (sal_Int32 line = first; line <= last; ++line) {
        Reference<css::table::XCellRange> range =
            transposed_
                ? table_->sheet->getCellRangeByPosition(a.StartColumn, line, a.EndColumn, line)
                : table_->sheet->getCellRangeByPosition(line, a.StartRow, line, a.EndRow);
        Reference<css::sheet::XCellRangeData> data(range, UNO_QUERY_THROW);
        const Grid cells = uno::to_grid_as_is(data->getDataArray());
        bool empty = true;
        for (std::size_t r = 0; r < cells.rows() && empty; ++r)
            for (std::size_t c = 0; c < cells.columns() && empty; ++c)
                empty = is_empty(cells.at(r, c));
        if (empty)
            return range;
    }
    return {};
}

void Panel::insert_column(const std::string& kind) {
    if (!table_ || !model_.is())
        return;
    const auto& a = table_->address;
    const std::string range = absolute_address(a);
    std::string formula;
    if (kind == "insertCheck") {
        formula = "=KPI.CHECK(" + range + ")";
    } else if (kind == "insertCausal") {
        formula = "=KPI.CAUSAL(" + range + ")";
    } else if (kind == "insertContrib") {
        if (periods_ < 2) {
            set_property(status_, "Label", Any(label_text(t(Msg::panel_need_two_periods))));
            return;
        }
        formula = "=KPI.CONTRIB(" + range + ";" + std::to_string(periods_ - 1) + ";" +
                  std::to_string(periods_) + ")";
    } else {
        return;
    }

    const auto target_range = free_line_beside(a);
    if (!target_range.is())
        return;
    Reference<css::document::XUndoManager> undo =
        Reference<css::document::XUndoManagerSupplier>(model_, UNO_QUERY_THROW)->getUndoManager();
    undo->enterUndoContext(to_oustring(t(Msg::panel_undo_insert)));
    try {
        Reference<css::sheet::XArrayFormulaRange> target(target_range, UNO_QUERY_THROW);
        target->setArrayFormula(to_oustring(formula));
    } catch (...) {
        undo->leaveUndoContext();
        throw;
    }
    undo->leaveUndoContext();
}

} // namespace kpitree::sidebar
