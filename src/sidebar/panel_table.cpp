// Finding the tree table: the selection, or the contiguous region around the cursor.
#include "panel.hpp"
#include "panel_support.hpp"

#include <algorithm>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

namespace kpitree::sidebar {

using css::uno::Exception;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;

namespace {

// A region larger than this is not read as a tree table (a whole sheet of data, say).
constexpr sal_Int32 max_rows = 100000;
constexpr sal_Int32 max_cells = 2000000;

} // namespace

std::optional<TableRef> Panel::find_table(bool& too_large) {
    too_large = false;
    attach_to_controller();
    Reference<css::view::XSelectionSupplier> supplier(controller_, UNO_QUERY);
    Reference<css::sheet::XSpreadsheetView> view(controller_, UNO_QUERY);
    if (!supplier.is() || !view.is())
        return std::nullopt;
    Reference<css::sheet::XCellRangeAddressable> selected(supplier->getSelection(), UNO_QUERY);
    if (!selected.is())
        return std::nullopt; // a shape, several ranges, ...
    TableRef at;
    at.sheet = view->getActiveSheet();
    if (!at.sheet.is())
        return std::nullopt;
    at.address = selected->getRangeAddress();
    const auto& a = at.address;
    const bool multi = a.StartColumn != a.EndColumn || a.StartRow != a.EndRow;
    // A selection inside the table shown (a row we selected, cells the user marks) keeps it.
    if (multi && table_ && contains(table_->address, a))
        return table_;
    // In a verdict block: the table its formula reads. The block Undo emptied: the table shown.
    if (auto verdicts = table_of_verdicts(at))
        return verdicts;
    if (multi && emptied_beside_table(at))
        return table_;
    auto found = region_at(at, too_large);
    if (found)
        drop_verdict_lines(*found);
    return found;
}

// The range a selection stands for: its used part, or the contiguous region around a single
// cell; nullopt (too_large set) when that is too large to be a tree table.
std::optional<TableRef> Panel::region_at(const TableRef& at, bool& too_large) {
    TableRef table = at;
    auto& a = table.address;
    if (a.StartColumn != a.EndColumn || a.StartRow != a.EndRow) {
        // Whole columns or rows: only the used part counts.
        Reference<css::sheet::XSheetCellCursor> cursor = table.sheet->createCursor();
        Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
        used->gotoEndOfUsedArea(false);
        const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
                             ->getRangeAddress();
        a.EndColumn = std::min(a.EndColumn, end.EndColumn);
        a.EndRow = std::min(a.EndRow, end.EndRow);
        if (a.EndColumn < a.StartColumn || a.EndRow < a.StartRow)
            return std::nullopt;
    } else {
        Reference<css::sheet::XSheetCellRange> cell(
            table.sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.StartColumn,
                                                a.StartRow),
            UNO_QUERY_THROW);
        Reference<css::sheet::XSheetCellCursor> cursor = table.sheet->createCursorByRange(cell);
        cursor->collapseToCurrentRegion();
        a = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
                ->getRangeAddress();
    }
    const sal_Int64 rows = sal_Int64(a.EndRow) - a.StartRow + 1;
    const sal_Int64 columns = sal_Int64(a.EndColumn) - a.StartColumn + 1;
    if (rows > max_rows || rows * columns > max_cells) {
        too_large = true;
        return std::nullopt;
    }
    return table;
}

void Panel::refresh(bool force) {
    bool too_large = false;
    std::optional<TableRef> found;
    try {
        found = find_table(too_large);
    } catch (const Exception&) {
        found.reset(); // the document is closing, the view is gone, ...
    }
    if (!found) {
        table_.reset();
        show_message(std::string(t(too_large ? Msg::panel_too_large : Msg::panel_no_tree)));
        return;
    }
    if (!force && table_ && same_table(*table_, *found))
        return;
    show_table(*found);
}

} // namespace kpitree::sidebar
