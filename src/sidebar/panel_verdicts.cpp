// Verdict blocks beside the table: the cursor in one shows the table its formula reads, the
// block Undo just emptied keeps the table shown, and a verdict column (or row) touching the
// table is never read as part of it.
#include "convert.hpp"
#include "kpitree/model/tree.hpp"
#include "panel.hpp"
#include "panel_support.hpp"
#include "verdict_formula.hpp"

#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>

namespace kpitree::sidebar {

using css::uno::Exception;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using uno::to_oustring;
using uno::to_utf8;

namespace {

constexpr sal_Int32 max_verdict_lines = 64; // verdict columns looked at beside a region

// The formula of a cell, or of the array formula it belongs to.
std::string formula_at(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 column,
                       sal_Int32 row) {
    Reference<css::table::XCell> cell = sheet->getCellByPosition(column, row);
    std::string formula = to_utf8(cell->getFormula());
    if (is_kpi_formula(formula))
        return formula;
    try {
        Reference<css::sheet::XSheetCellRange> range(
            sheet->getCellRangeByPosition(column, row, column, row), UNO_QUERY_THROW);
        Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursorByRange(range);
        cursor->collapseToCurrentArray();
        return to_utf8(
            Reference<css::sheet::XArrayFormulaRange>(cursor, UNO_QUERY_THROW)->getArrayFormula());
    } catch (const Exception&) {
        return formula; // not in an array
    }
}

// Whether any cell of the range holds a KPI Tree formula.
bool has_kpi_formula(const Reference<css::table::XCellRange>& range) {
    Reference<css::sheet::XCellRangeFormula> formulas(range, UNO_QUERY_THROW);
    for (const auto& line : formulas->getFormulaArray())
        for (const auto& f : line)
            if ((f.startsWith("=") || f.startsWith("{=")) && is_kpi_formula(to_utf8(f)))
                return true;
    return false;
}

} // namespace

std::optional<TableRef> Panel::table_of_verdicts(const TableRef& at) const {
    const auto& a = at.address;
    const auto arg = kpi_table_argument(formula_at(at.sheet, a.StartColumn, a.StartRow));
    if (!arg)
        return std::nullopt;
    try {
        TableRef table{at.sheet, {}};
        if (!arg->sheet.empty()) {
            Reference<css::sheet::XSpreadsheetDocument> document(model_, UNO_QUERY_THROW);
            table.sheet.set(document->getSheets()->getByName(to_oustring(arg->sheet)),
                            UNO_QUERY_THROW);
        }
        Reference<css::sheet::XCellRangeAddressable> range(
            table.sheet->getCellRangeByName(to_oustring(arg->range)), UNO_QUERY_THROW);
        table.address = range->getRangeAddress();
        // A verdict block never reads itself: a formula inside its own argument is no table.
        if (contains(table.address, a))
            return std::nullopt;
        return table;
    } catch (const Exception&) {
        return std::nullopt; // a name, a deleted sheet, ...
    }
}

bool Panel::emptied_beside_table(const TableRef& at) const {
    if (!table_ || at.address.Sheet != table_->address.Sheet)
        return false;
    const auto& a = at.address;
    const auto& t = table_->address;
    const bool beside =
        transposed_
            ? a.StartColumn == t.StartColumn && a.EndColumn == t.EndColumn && a.StartRow > t.EndRow
            : a.StartRow == t.StartRow && a.EndRow == t.EndRow && a.StartColumn > t.EndColumn;
    if (!beside)
        return false;
    Reference<css::sheet::XCellRangeData> data(
        at.sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow),
        UNO_QUERY_THROW);
    const Grid cells = uno::to_grid_as_is(data->getDataArray());
    for (std::size_t r = 0; r < cells.rows(); ++r)
        for (std::size_t c = 0; c < cells.columns(); ++c)
            if (!is_empty(cells.at(r, c)))
                return false;
    return true;
}

void Panel::drop_verdict_lines(TableRef& table) const {
    auto& a = table.address;
    const auto min_lines = static_cast<sal_Int32>(min_table_columns);
    for (sal_Int32 n = 0; n < max_verdict_lines && a.EndColumn - a.StartColumn + 1 > min_lines;
         ++n) {
        if (!has_kpi_formula(table.sheet->getCellRangeByPosition(a.EndColumn, a.StartRow,
                                                                 a.EndColumn, a.EndRow)))
            break;
        --a.EndColumn;
    }
    for (sal_Int32 n = 0; n < max_verdict_lines && a.EndRow - a.StartRow + 1 > min_lines; ++n) {
        if (!has_kpi_formula(table.sheet->getCellRangeByPosition(a.StartColumn, a.EndRow,
                                                                 a.EndColumn, a.EndRow)))
            break;
        --a.EndRow;
    }
}

} // namespace kpitree::sidebar
