// Inserting a verdict column (KPI.CHECK, KPI.CAUSAL, KPI.CONTRIB) beside the table as an array
// formula, one Undo step.
#include "convert.hpp"
#include "diagram_sheet.hpp"
#include "panel.hpp"
#include "panel_support.hpp"

#include <algorithm>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XViewPane.hpp>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;
using uno::to_oustring;

namespace {

constexpr sal_Int32 last_column = 1023; // Calc 7.4: columns A..AMJ
constexpr sal_Int32 last_row = 1048575; // Calc 7.4: rows 1..1,048,576
constexpr int max_scroll_steps = 64;    // columns scrolled at most to show an inserted block

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
        const auto periods = chosen_periods(); // KPI.CONTRIB counts periods from 1
        if (!periods)
            return;
        formula = "=KPI.CONTRIB(" + range + ";" + std::to_string(periods->first + 1) + ";" +
                  std::to_string(periods->second + 1) + ")";
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
        format_verdicts(target_range, kind);
    } catch (...) {
        undo->leaveUndoContext();
        throw;
    }
    undo->leaveUndoContext();
    scroll_into_view(Reference<css::sheet::XCellRangeAddressable>(target_range, UNO_QUERY_THROW)
                         ->getRangeAddress());
}

// Scrolls the sheet so that the inserted block is visible, keeping as much of the table as
// fits: the first visible column (a row for a transposed table) moves right only as far as
// needed, checked against the view (widths differ, the last column may be cut).
void Panel::scroll_into_view(const css::table::CellRangeAddress& block) {
    try {
        Reference<css::sheet::XViewPane> pane(controller_, UNO_QUERY_THROW);
        for (int step = 0; step < max_scroll_steps; ++step) {
            const css::table::CellRangeAddress v = pane->getVisibleRange();
            if (transposed_) {
                if (block.EndRow < v.EndRow || v.StartRow >= block.StartRow)
                    return;
                pane->setFirstVisibleRow(
                    std::max(v.StartRow + 1, block.EndRow - (v.EndRow - v.StartRow) + 1));
            } else {
                if (block.EndColumn < v.EndColumn || v.StartColumn >= block.StartColumn)
                    return;
                pane->setFirstVisibleColumn(std::max(
                    v.StartColumn + 1, block.EndColumn - (v.EndColumn - v.StartColumn) + 1));
            }
        }
    } catch (const Exception&) {
    }
}

// The tree diagram and the waterfall chart go onto their own sheet (diagram_sheet.hpp); a
// failure shows in the status line.
void Panel::insert_on_diagram_sheet(bool diagram) {
    if (!table_ || !model_.is())
        return;
    SheetInsert insert{context_, model_, table_->sheet, table_->address, language_, {}};
    if (periods_ >= 2) {
        insert.periods = chosen_periods();
        if (!insert.periods)
            return; // the same period twice: the status line says so
    }
    const std::string message =
        diagram ? insert_tree_diagram(insert) : insert_waterfall_chart(insert);
    if (!message.empty())
        set_property(status_, "Label", Any(label_text(message)));
}

} // namespace kpitree::sidebar
